"""A console session: the worker joins, the frontend shows the avatar, two replies, a barge-in, hang up."""

import asyncio

import agent
import agentkit
import e2e_support


def frontend(attributes: dict) -> None:
    """the web page subscribes to the agent participant's attributes and shows the avatar"""
    e2e_support.viewer.join(attributes["heygen.avatar_url"], attributes["heygen.avatar_token"])


async def main() -> None:
    await agentkit.simulate(
        agent.entrypoint,
        "clinic-front-desk",
        [
            ("say", "Good morning, Bright Smiles dental clinic, how can I help?"),
            ("say", "We have openings on Thursday afternoon."),
            ("user", "speaking"),
            ("say", "Sure, Friday at ten works too."),
            ("close",),
        ],
        frontend=frontend,
    )
    await agent.AVATARS["clinic-front-desk"].wait_closed()


asyncio.run(main())
