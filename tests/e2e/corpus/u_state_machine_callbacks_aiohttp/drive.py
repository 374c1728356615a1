"""A visitor walks up to the kiosk, asks a question, and walks away."""

import asyncio

import aiohttp
import e2e_support
from kiosk import KioskAvatar


async def main():
    async with aiohttp.ClientSession() as http:
        kiosk = KioskAvatar(http)
        await kiosk.wake()
        e2e_support.viewer.join(*kiosk.screen)
        await kiosk.say("Welcome to the museum of flight.")
        await kiosk.answer("Where is the Concorde?")
        await kiosk.hush()
        await kiosk.sleep()
        print(kiosk.state)


asyncio.run(main())
