"""A demo script using the kit as its README shows."""

import asyncio
import os

import e2e_support
from avatarkit import AvatarSession


async def main() -> None:
    async with AvatarSession(os.environ["AVATAR"], knowledge_base_id=os.environ["KB"]) as s:
        e2e_support.viewer.join(s.info.url, s.info.access_token)
        await s.say("Hello! I am the demo assistant.")
        await s.say("What can you help me with?", chat=True)
        await s.interrupt()
        await s.ping()


asyncio.run(main())
