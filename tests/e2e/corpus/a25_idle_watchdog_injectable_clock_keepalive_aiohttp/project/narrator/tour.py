from __future__ import annotations

import os

from .session import NarratorSession
from .watchdog import IdleWatchdog


class Tour:
    def __init__(self, stops: list[str], on_ready, clock) -> None:
        self.stops = stops
        self.on_ready = on_ready
        self.clock = clock

    async def run(self, scheduler) -> int:
        avatar = os.environ.get("NARRATOR_AVATAR", "Anna_public_3_20240108")
        async with NarratorSession(avatar, on_ready=self.on_ready) as session:
            watchdog = IdleWatchdog(session, interval=120, clock=self.clock)
            for stop in self.stops:
                await session.narrate(stop)
                watchdog.touch()
                await scheduler(watchdog)
            return watchdog.pings
