"""An employee's ticket: the agent's model calls its tools in turn."""

import asyncio

import e2e_support
from helpdesk.agent import HelpdeskAgent


async def main() -> None:
    agent = HelpdeskAgent()
    room = await agent.open()
    e2e_support.viewer.join(room["livekit"], room["viewer_token"])
    for name, args in [
        ("say", {"text": "Hi, I see your laptop will not connect to the VPN."}),
        ("escalate", {"question": "How do I reset my VPN certificate?"}),
        ("hush", {}),
        ("still_there", {}),
        ("say", {"text": "I have opened ticket 4411 for you."}),
    ]:
        result = await agent.call_tool(name, **args)
        assert result == "ok", (name, result)
    await agent.close()


asyncio.run(main())
