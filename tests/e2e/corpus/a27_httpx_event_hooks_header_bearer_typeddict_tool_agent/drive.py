"""The LLM returns tool calls; the concierge runs them against the avatar."""

import asyncio
import json

import e2e_support
from concierge.agent import ConciergeAgent


async def main() -> None:
    agent = ConciergeAgent()
    room = await agent.open()
    e2e_support.viewer.join(room["url"], room["token"])
    results = await agent.handle_tool_calls(
        [
            {
                "id": "call_1",
                "name": "speak",
                "arguments": json.dumps({"text": "Good evening, welcome to the Grand."}),
            },
            {
                "id": "call_2",
                "name": "answer_guest",
                "arguments": json.dumps({"question": "When is breakfast served?"}),
            },
        ]
    )
    assert [r["tool_call_id"] for r in results] == ["call_1", "call_2"], results
    await agent.handle_tool_calls([{"id": "call_3", "name": "stop_talking", "arguments": "{}"}])
    await agent.close()


asyncio.run(main())
