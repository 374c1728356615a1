"""The booth agent's model decides to greet, pitch, stop talking and end the demo."""

import asyncio

import e2e_support
from showagent.agent import Agent


async def main() -> None:
    agent = Agent()
    url, token = await agent.start()
    e2e_support.viewer.join(url, token)
    out = await agent.run_tool_calls(
        [
            ("greet_visitor", {"name": "Dana"}),
            ("pitch", {"product": "the X200 scanner", "seconds": 20}),
            ("stop_talking", {}),
        ]
    )
    assert out[0].startswith("greeted"), out
    await agent.end_demo()


asyncio.run(main())
