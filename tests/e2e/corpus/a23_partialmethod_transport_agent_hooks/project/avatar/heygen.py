"""HeyGen Interactive Avatar over the shared HTTP base class."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.config import get_settings
from core.http import AsyncHTTPService, ServiceError


@dataclass
class LiveRoom:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> "LiveRoom":
        data = payload["data"]
        return cls(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])


class HeyGenStreaming(AsyncHTTPService):
    service_name = "heygen"

    def __init__(self) -> None:
        settings = get_settings()
        super().__init__(settings.heygen_api_base, timeout=settings.request_timeout)
        self.api_key = settings.heygen_api_key
        self.settings = settings

    def _auth_headers(self, token: str | None = None) -> dict[str, str]:
        # the session token from create_token once we have one, the account key before
        if token:
            return {"Authorization": f"Bearer {token}"}
        return {"x-api-key": self.api_key}

    async def create_token(self) -> str:
        body = await self._post("streaming.create_token")
        return body["data"]["token"]

    async def open_room(self, token: str) -> LiveRoom:
        payload = {
            "avatar_id": self.settings.avatar_id,
            "quality": self.settings.quality,
            "version": "v2",
            "video_encoding": "H264",
        }
        room = LiveRoom.from_payload(await self._post("streaming.new", json=payload, token=token))
        started = await self._post("streaming.start", json={"session_id": room.session_id}, token=token)
        if started.get("code") != 100:
            raise ServiceError(self.service_name, 200, str(started))
        return room

    async def say(self, token: str, session_id: str, text: str) -> None:
        await self._post(
            "streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
            token=token,
        )

    async def interrupt(self, token: str, session_id: str) -> None:
        await self._post("streaming.interrupt", json={"session_id": session_id}, token=token)

    async def keep_alive(self, token: str, session_id: str) -> None:
        await self._post("streaming.keep_alive", json={"session_id": session_id}, token=token)

    async def close_room(self, token: str, session_id: str) -> None:
        await self._post("streaming.stop", json={"session_id": session_id}, token=token)
