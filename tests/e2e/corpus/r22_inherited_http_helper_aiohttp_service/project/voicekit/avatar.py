"""Talking-head output for voicekit pipelines, backed by HeyGen Interactive Avatar."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Optional

from .http import HTTPService

log = logging.getLogger(__name__)


@dataclass
class AvatarRoom:
    session_id: str
    livekit_url: str
    viewer_token: str


class HeyGenAvatarOutput(HTTPService):
    name = "heygen"

    def __init__(self, api_key: Optional[str] = None, avatar: Optional[str] = None,
                 api_base: str = "https://api.heygen.com/v1", **kwargs) -> None:
        super().__init__(**kwargs)
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar = avatar or os.environ.get("HEYGEN_AVATAR", "Anna_public_3_20240108")
        self.api_base = api_base.rstrip("/")
        self.room: Optional[AvatarRoom] = None

    def _auth_headers(self) -> dict[str, str]:
        # HeyGen accepts the API key as a Bearer token as well
        return {"Authorization": f"Bearer {self.api_key}"}

    async def close_stale_sessions(self) -> int:
        """Kiosks crash; close whatever the last run left open before starting."""
        body = await self._get(f"{self.api_base}/streaming.list")
        stale = [s["session_id"] for s in (body.get("data") or {}).get("sessions", [])]
        for session_id in stale:
            await self._post(f"{self.api_base}/streaming.stop", {"session_id": session_id})
        return len(stale)

    async def start(self) -> AvatarRoom:
        body = await self._post(f"{self.api_base}/streaming.new", {
            "avatar_name": self.avatar,
            "quality": "low",
            "version": "v2",
        })
        data = body["data"]
        await self._post(f"{self.api_base}/streaming.start", {"session_id": data["session_id"]})
        self.room = AvatarRoom(data["session_id"], data["url"], data["access_token"])
        log.info("avatar room %s", self.room.session_id)
        return self.room

    async def push_text(self, text: str) -> None:
        assert self.room, "start() first"
        await self._post(f"{self.api_base}/streaming.task", {
            "session_id": self.room.session_id, "text": text, "task_type": "repeat",
        })

    async def barge_in(self) -> None:
        assert self.room, "start() first"
        await self._post(f"{self.api_base}/streaming.interrupt", {"session_id": self.room.session_id})

    async def stop(self) -> None:
        if self.room is not None:
            await self._post(f"{self.api_base}/streaming.stop", {"session_id": self.room.session_id})
            self.room = None
        await self.aclose()
