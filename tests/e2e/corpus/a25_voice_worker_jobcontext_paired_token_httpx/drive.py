"""The dispatcher gives the worker a room; the kiosk page joins the avatar from its attributes."""

import asyncio

import e2e_support
from frontdesk_agent.worker import SESSIONS, opts
from voicekit import Worker


async def main() -> None:
    worker = Worker(opts)
    ctx = await worker.start_job("lobby-1")
    attrs = ctx.room.local_participant.attributes
    e2e_support.viewer.join(attrs["heygen.url"], attrs["heygen.token"])
    session = SESSIONS["lobby-1"]
    await session.say("Your room is on the third floor.")
    await session.interrupt()
    await session.say("Enjoy your stay.")
    await worker.end_job("lobby-1")


asyncio.run(main())
