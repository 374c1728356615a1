"""Race-day pit radio: an async agent that voices strategy calls through the avatar.
Blocking HTTP runs on a small dedicated pool so the telemetry loop never stalls."""
from __future__ import annotations

import asyncio
import functools
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from .heygen_sync import HeyGenSync


class PitRadio:
    def __init__(self) -> None:
        self.api = HeyGenSync()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heygen")
        self.session_id: str | None = None

    async def _in_pool(self, fn: Callable[[], Any]) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, fn)

    async def go_live(self) -> dict[str, Any]:
        create = functools.partial(
            self.api.post, "streaming.new", {"avatar_id": os.environ.get("PIT_AVATAR", "Wayne_20240711"), "version": "v2"}
        )
        data = await self._in_pool(create)
        self.session_id = data["session_id"]
        start = functools.partial(self.api.post, "streaming.start", {"session_id": self.session_id})
        await self._in_pool(start)
        return {"url": data["url"], "token": data["access_token"]}

    async def call(self, text: str) -> None:
        loop = asyncio.get_running_loop()
        speak = functools.partial(self.api.post, "streaming.task", {"session_id": self.session_id, "text": text})
        await loop.run_in_executor(self.pool, speak)

    async def box_box(self) -> None:
        loop = asyncio.get_running_loop()
        cut = functools.partial(self.api.post, "streaming.interrupt", {"session_id": self.session_id})
        await loop.run_in_executor(self.pool, cut)

    async def off_air(self) -> None:
        loop = asyncio.get_running_loop()
        stop = functools.partial(self.api.post, "streaming.stop", {"session_id": self.session_id})
        try:
            await loop.run_in_executor(self.pool, stop)
        finally:
            self.pool.shutdown(wait=True)
