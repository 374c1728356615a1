"""An employee locked out of their laptop talks to the help desk."""

import asyncio

import e2e_support
from helpdesk.agent import HelpDeskAgent
from helpdesk.avatar import AvatarClient

REPLIES = {
    "I'm locked out.": [
        {"type": "text", "text": "Let me help."},
        {
            "type": "tool_use",
            "id": "tu_1",
            "name": "speak",
            "input": {"text": "No problem, what's your username?"},
        },
    ],
    "jdoe": [
        {"type": "tool_use", "id": "tu_2", "name": "reset_password", "input": {"user": "jdoe"}},
        {
            "type": "tool_use",
            "id": "tu_3",
            "name": "speak",
            "input": {"text": "I've sent a reset link to your email."},
        },
    ],
    "Thanks, got it!": [{"type": "tool_use", "id": "tu_4", "name": "stop_speaking", "input": {}}],
}


def model(messages, tools):
    assert [t["name"] for t in tools] == ["speak", "stop_speaking", "reset_password"]
    return REPLIES[messages[-1]["content"]]


async def main() -> None:
    async with AvatarClient() as avatar:
        e2e_support.viewer.join(avatar.session["url"], avatar.session["access_token"])
        agent = HelpDeskAgent(model, avatar)
        for text in REPLIES:
            await agent.turn(text)
        assert agent.resets == ["jdoe"]


asyncio.run(main())
