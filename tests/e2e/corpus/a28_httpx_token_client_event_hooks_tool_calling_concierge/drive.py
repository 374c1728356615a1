"""A guest talks to the concierge; a scripted LLM chooses the tools."""

import asyncio
import json

import e2e_support
from concierge.agent import Concierge

SCRIPT = {
    "Hi!": [
        {
            "name": "say",
            "arguments": json.dumps({"sentence": "Good evening, welcome to the Marlowe."}),
        }
    ],
    "When is breakfast?": [
        {
            "name": "ask_front_desk",
            "arguments": json.dumps({"question": "When is breakfast served?"}),
        }
    ],
    "Never mind, what's on the menu?": [
        {"name": "hush", "arguments": "{}"},
        {"name": "room_service_menu", "arguments": "{}"},
        {
            "name": "say",
            "arguments": json.dumps({"sentence": "Tonight we have a mushroom risotto."}),
        },
    ],
}


def scripted_llm(transcript, tools):
    assert {t["function"]["name"] for t in tools} >= {"say", "ask_front_desk", "hush"}
    return SCRIPT[transcript[-1]["content"]]


async def main() -> None:
    concierge = Concierge(scripted_llm)
    viewer = await concierge.open()
    e2e_support.viewer.join(viewer["livekit_url"], viewer["token"])
    for message in SCRIPT:
        await concierge.handle(message)
    await concierge.close()


asyncio.run(main())
