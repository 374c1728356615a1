from __future__ import annotations

import time
from typing import Callable

from .session import NarratorSession


class IdleWatchdog:
    """Keeps the avatar session alive between exhibits (HeyGen closes idle sessions)."""

    def __init__(self, session: NarratorSession, interval: float = 120.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.session = session
        self.interval = interval
        self.clock = clock
        self.last_activity = clock()
        self.pings = 0

    def touch(self) -> None:
        self.last_activity = self.clock()

    async def tick(self) -> bool:
        if self.clock() - self.last_activity < self.interval:
            return False
        await self.session.keep_alive()
        self.pings += 1
        self.touch()
        return True
