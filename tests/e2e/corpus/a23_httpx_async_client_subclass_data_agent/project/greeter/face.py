"""The greeter's face: calls go through the envelope client, which hands back ``data``."""
from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from .http import EnvelopeClient


class Face:
    def __init__(self, avatar_id: str, http: EnvelopeClient | None = None) -> None:
        self.avatar_id = avatar_id
        self.http = http or EnvelopeClient()
        self.info: dict[str, Any] = {}
        self._alive: asyncio.Task[None] | None = None

    @property
    def session_id(self) -> str:
        return self.info["session_id"]

    async def show(self) -> dict[str, Any]:
        self.info = await self.http.post(
            "streaming.new",
            json={"avatar_id": self.avatar_id, "quality": "medium", "version": "v2", "language": "en"},
        )
        await self.http.post("streaming.start", json={"session_id": self.session_id})
        self._alive = asyncio.create_task(self._keep_alive(interval=90))
        return self.info

    async def _keep_alive(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.http.post("streaming.keep_alive", json={"session_id": self.session_id})

    async def speak(self, text: str, *, task_type: str = "repeat") -> dict[str, Any]:
        return await self.http.post(
            "streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
        )

    async def hide(self) -> None:
        if self._alive is not None:
            self._alive.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._alive
        await self.http.post("streaming.stop", json={"session_id": self.session_id})
        await self.http.aclose()
