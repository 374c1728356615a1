"""LiveAvatar FULL mode, written by hand from docs.liveavatar.com.

Text is spoken through command events on the LiveKit data channel, so this backend joins the
session's room itself (as the agent participant, the viewer keeps the client token).
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from typing import Any

import aiohttp
from livekit import rtc

from . import Room

log = logging.getLogger(__name__)

LIVEAVATAR_API = "https://api.liveavatar.com/v1"


class LiveAvatarBackend:
    def __init__(self, api_key: str, avatar_id: str, *, quality: str = "medium") -> None:
        self.api_key = api_key
        self.avatar_id = avatar_id
        self.quality = quality
        self.session_id: str | None = None
        self.session_token: str | None = None
        self._http: aiohttp.ClientSession | None = None
        self._room: rtc.Room | None = None

    @classmethod
    def from_env(cls) -> "LiveAvatarBackend":
        return cls(os.environ["LIVEAVATAR_API_KEY"], os.environ["LIVEAVATAR_AVATAR_ID"],
                   quality=os.getenv("AVATAR_QUALITY", "medium"))

    async def _call(self, path: str, body: dict[str, Any] | None, *, bearer: bool) -> dict[str, Any]:
        assert self._http is not None
        headers = ({"Authorization": f"Bearer {self.session_token}"} if bearer
                   else {"X-API-KEY": self.api_key})
        async with self._http.post(f"{LIVEAVATAR_API}{path}", json=body, headers=headers) as resp:
            payload = await resp.json()
            if resp.status >= 400:
                raise RuntimeError(f"{path}: {resp.status} {payload}")
        return payload.get("data") or {}

    async def open(self) -> Room:
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        token = await self._call("/sessions/token", {
            "mode": "FULL",
            "avatar_id": self.avatar_id,
            "avatar_persona": {"language": "en"},
            "video_settings": {"quality": self.quality, "encoding": "H264"},
        }, bearer=False)
        self.session_id, self.session_token = token["session_id"], token["session_token"]
        started = await self._call("/sessions/start", None, bearer=True)
        self._room = rtc.Room()
        await self._room.connect(started["livekit_url"], started["livekit_agent_token"])
        log.info("liveavatar session %s started", self.session_id)
        return Room(self.session_id, started["livekit_url"], started["livekit_client_token"])

    async def _command(self, event_type: str, **fields: Any) -> None:
        assert self._room is not None, "open() first"
        event = {"event_id": str(uuid.uuid4()), "event_type": event_type,
                 "session_id": self.session_id, **fields}
        await self._room.local_participant.publish_data(
            json.dumps(event).encode(), reliable=True, topic="agent-control")

    async def say(self, text: str) -> None:
        await self._command("avatar.speak_text", text=text)

    async def interrupt(self) -> None:
        await self._command("avatar.interrupt")

    async def ping(self) -> None:
        await self._call("/sessions/keep-alive", {"session_id": self.session_id}, bearer=True)

    async def close(self) -> None:
        try:
            if self.session_id:
                await self._call("/sessions/stop",
                                 {"session_id": self.session_id, "reason": "USER_CLOSED"}, bearer=True)
        finally:
            self.session_id = self.session_token = None
            if self._room is not None:
                await self._room.disconnect()
                self._room = None
            if self._http is not None:
                await self._http.close()
                self._http = None
