"""The demo script of the package, as its README runs it."""

import asyncio

import e2e_support
from avatar_session import AvatarSession


async def main() -> None:
    async with AvatarSession.from_env() as av:
        e2e_support.viewer.join(av.livekit_url, av.livekit_token)
        await av.speak("Welcome! Give me a second to get ready.")
        await av.interrupt()
        await av.speak("Okay, let's start with the first question.")
        await av.listen()


asyncio.run(main())
