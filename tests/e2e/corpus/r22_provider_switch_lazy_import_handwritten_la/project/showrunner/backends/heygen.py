"""HeyGen Interactive Avatar (streaming v2, LiveKit transport)."""

from __future__ import annotations

import logging
import os
from typing import Any

import aiohttp

from . import Room

log = logging.getLogger(__name__)

HEYGEN_API = os.environ.get("HEYGEN_API", "https://api.heygen.com/v1")


class HeyGenError(RuntimeError):
    pass


class HeyGenBackend:
    def __init__(self, api_key: str, avatar_id: str, *, quality: str = "medium") -> None:
        self.api_key = api_key
        self.avatar_id = avatar_id
        self.quality = quality
        self.session_id: str | None = None
        self._http: aiohttp.ClientSession | None = None

    @classmethod
    def from_env(cls) -> "HeyGenBackend":
        return cls(os.environ["HEYGEN_API_KEY"], os.environ["AVATAR_ID"],
                   quality=os.getenv("AVATAR_QUALITY", "medium"))

    async def _post(self, endpoint: str, payload: dict[str, Any]) -> dict[str, Any]:
        assert self._http is not None, "open() first"
        async with self._http.post(f"{HEYGEN_API}/{endpoint}", json=payload,
                                   headers={"X-Api-Key": self.api_key}) as resp:
            body = await resp.json()
        if resp.status >= 400 or body.get("code") not in (None, 100):
            raise HeyGenError(f"{endpoint}: {resp.status} {body}")
        return body.get("data") or {}

    async def open(self) -> Room:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        data = await self._post("streaming.new", {
            "avatar_id": self.avatar_id,
            "quality": self.quality,
            "version": "v2",
            "video_encoding": "H264",
        })
        self.session_id = data["session_id"]
        await self._post("streaming.start", {"session_id": self.session_id})
        log.info("heygen session %s started", self.session_id)
        return Room(self.session_id, data["url"], data["access_token"])

    async def say(self, text: str) -> None:
        await self._post("streaming.task", {
            "session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "sync",
        })

    async def interrupt(self) -> None:
        await self._post("streaming.interrupt", {"session_id": self.session_id})

    async def ping(self) -> None:
        await self._post("streaming.keep_alive", {"session_id": self.session_id})

    async def close(self) -> None:
        try:
            if self.session_id:
                await self._post("streaming.stop", {"session_id": self.session_id})
        finally:
            self.session_id = None
            if self._http is not None:
                await self._http.close()
                self._http = None
