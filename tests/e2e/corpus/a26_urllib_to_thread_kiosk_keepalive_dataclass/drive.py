"""A visitor walks up to the kiosk, asks one question, walks away."""

import asyncio

import e2e_support
from kiosk.app import Kiosk


async def main() -> None:
    kiosk = Kiosk()
    info = await kiosk.wake()
    e2e_support.viewer.join(info.url, info.access_token)
    await kiosk.announce("Welcome to the west wing.")
    await kiosk.touch()
    await kiosk.ask("Who painted the water lilies?")
    await kiosk.sleep()


asyncio.run(main())
