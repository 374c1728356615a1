"""The screen boots in the morning, greets a visitor, answers a question, and shuts down."""

import asyncio

import e2e_support
from reception.screen import ReceptionScreen


async def main() -> None:
    screen = ReceptionScreen()
    url, token = await screen.boot()
    e2e_support.viewer.join(url, token)
    await screen.greet("Dana")
    await screen.answer("Where is the meeting room Orion?")
    await screen.idle()
    await screen.shutdown()


asyncio.run(main())
