"""The host application owns the aiohttp session and runs the graph once."""

import asyncio

import aiohttp
import e2e_support
from agent.graph import run_graph
from agent.service import AvatarService


async def main():
    async with aiohttp.ClientSession() as http:
        service = AvatarService(http)
        state = await run_graph(
            service,
            {"question": "Which platform does the train to Lyon leave from?"},
            on_room=e2e_support.viewer.join,
        )
    assert state["closed"] is True, state


asyncio.run(main())
