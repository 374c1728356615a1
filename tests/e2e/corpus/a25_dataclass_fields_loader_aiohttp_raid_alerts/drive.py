"""The streaming software's overlay page plus a scripted burst of chat events."""

import asyncio

import e2e_support
from raidbot.bot import STOP, run


async def show(room) -> None:
    e2e_support.viewer.join(room.url, room.access_token)


async def main() -> None:
    events: asyncio.Queue = asyncio.Queue()
    for event in (
        {"type": "follow", "user": "pixelfox"},
        {"type": "quiet"},
        {"type": "raid", "user": "nightowl", "viewers": 42},
        STOP,
    ):
        events.put_nowait(event)
    assert await run(events, show) == ["follow", "quiet", "raid"]


asyncio.run(main())
