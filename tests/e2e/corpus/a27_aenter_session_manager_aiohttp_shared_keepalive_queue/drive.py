"""A visitor walks up to the kiosk, the guide greets them, answers a question, is cut off."""

import asyncio

import e2e_support
from kioskbot.session import AvatarSession


async def main() -> None:
    async with AvatarSession(on_ready=e2e_support.viewer.join) as guide:
        guide.say("Welcome to wing B: the age of steam.")
        guide.ask("Who built the first locomotive?")
        await guide.drain()
        await guide.keep_alive()
        await guide.interrupt()
        guide.say("Enjoy the rest of your visit!")
        await guide.drain()


asyncio.run(main())
