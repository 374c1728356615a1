"""Queue consumer: announcements arrive on an asyncio.Queue; idle gaps get one keep-alive."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from .avatar import Presenter
from .settings import get_settings

log = logging.getLogger("announcer")

STOP = object()


class Announcer:
    def __init__(self, on_live: Callable[[str, str], object]) -> None:
        self.queue: asyncio.Queue[object] = asyncio.Queue(maxsize=16)
        self.on_live = on_live
        self.spoken: list[str] = []

    async def run(self) -> None:
        settings = get_settings()
        presenter = Presenter(settings)
        url, token = await asyncio.wait_for(presenter.go_live(), timeout=20)
        self.on_live(url, token)
        pinged = False
        try:
            while True:
                try:
                    item = await asyncio.wait_for(self.queue.get(), timeout=settings.idle_seconds)
                except asyncio.TimeoutError:
                    if not pinged:  # one ping per quiet spell is plenty
                        await presenter.still_here()
                        pinged = True
                    continue
                pinged = False
                try:
                    if item is STOP:
                        break
                    await presenter.announce(str(item))
                    self.spoken.append(str(item))
                finally:
                    self.queue.task_done()
        finally:
            await presenter.go_dark()


async def announce_all(lines: list[str], on_live: Callable[[str, str], object], *, pause: float = 0.0) -> list[str]:
    announcer = Announcer(on_live)
    worker = asyncio.create_task(announcer.run())
    for i, line in enumerate(lines):
        await announcer.queue.put(line)
        if pause and i == 0:
            await announcer.queue.join()
            await asyncio.sleep(pause)
    await announcer.queue.put(STOP)
    await worker
    return announcer.spoken
