"""The agent executor calls the tools by name with model-produced arguments."""

import asyncio

import e2e_support
from concierge.tools import TOOLS


async def main() -> None:
    tools = {t.name: t for t in TOOLS}
    room = await tools["start_avatar"].ainvoke({})
    e2e_support.viewer.join(room["server_url"], room["participant_token"])
    said = await tools["avatar_speak"].ainvoke({"text": "Hi, I can help with your bill."})
    assert said.startswith("spoken"), said
    said = await tools["avatar_speak"].ainvoke(
        {"text": "Why was I charged twice?", "style": "chat"}
    )
    assert said.startswith("spoken"), said
    assert await tools["stop_avatar"].ainvoke() == "stopped"


asyncio.run(main())
