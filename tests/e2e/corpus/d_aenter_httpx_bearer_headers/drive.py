"""A backend task using the avatar as an async context manager."""

import asyncio
import os

import e2e_support
from streaming_avatar import StreamingAvatar


async def main() -> None:
    async with StreamingAvatar() as avatar:
        room = await avatar.create_start_avatar(
            os.environ["AVATAR_NAME"], knowledge_id=os.environ["KB_ID"]
        )
        e2e_support.viewer.join(room.url, room.access_token)
        await avatar.speak("Hi there, I'm your onboarding buddy.")
        await avatar.speak("What would you like to set up first?", task_type="talk")
        await avatar.interrupt()
        await avatar.start_voice_chat()
    assert avatar.room is None


asyncio.run(main())
