"""A museum tour: the guide avatar narrates stops; a heartbeat task runs beside it."""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from functools import partial

import anyio

from .client import HeyGenClient

log = logging.getLogger("tourguide")

# requests.Session is not thread-safe: one worker thread at a time talks to HeyGen.
_HTTP_LIMIT = anyio.CapacityLimiter(1)


class TourGuide:
    def __init__(self, client: HeyGenClient) -> None:
        self.client = client
        self.session_id: str | None = None

    async def start(self) -> dict:
        body = {
            "avatar_id": os.getenv("TOUR_AVATAR", "Anna_public_3_20240108"),
            "quality": "low",
            "version": "v2",
            "disable_idle_timeout": False,
        }
        data = await anyio.to_thread.run_sync(self.client._post, "streaming.new", body, limiter=_HTTP_LIMIT)
        self.session_id = data["session_id"]
        await anyio.to_thread.run_sync(
            self.client._post, "streaming.start", {"session_id": self.session_id}, limiter=_HTTP_LIMIT
        )
        return data

    async def narrate(self, text: str) -> None:
        payload = {"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "sync"}
        await anyio.to_thread.run_sync(partial(self.client._post, "streaming.task", payload), limiter=_HTTP_LIMIT)

    async def pause(self) -> None:
        await anyio.to_thread.run_sync(
            self.client._post, "streaming.interrupt", {"session_id": self.session_id}, limiter=_HTTP_LIMIT
        )

    async def ping(self) -> None:
        await anyio.to_thread.run_sync(
            self.client._post, "streaming.keep_alive", {"session_id": self.session_id}, limiter=_HTTP_LIMIT
        )

    async def finish(self) -> None:
        if self.session_id is None:
            return
        await anyio.to_thread.run_sync(
            self.client._post, "streaming.stop", {"session_id": self.session_id}, limiter=_HTTP_LIMIT
        )
        self.session_id = None


async def _heartbeat(guide: TourGuide, every: float) -> None:
    while True:
        await anyio.sleep(every)
        await guide.ping()


async def give_tour(stops: Sequence[str], show: Callable[[str, str], object]) -> int:
    guide = TourGuide(HeyGenClient())
    told = 0
    try:
        async with anyio.create_task_group() as tg:
            room = await guide.start()
            show(room["url"], room["access_token"])
            tg.start_soon(_heartbeat, guide, 120.0)
            for n, stop in enumerate(stops):
                with anyio.fail_after(60):
                    await guide.narrate(stop)
                told += 1
                if n == 0:
                    await guide.pause()
                    await guide.ping()
            tg.cancel_scope.cancel()
    finally:
        with anyio.CancelScope(shield=True):
            await guide.finish()
        guide.client.close()
    return told
