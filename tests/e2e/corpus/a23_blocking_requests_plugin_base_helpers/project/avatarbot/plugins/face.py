"""The avatar face plugin (HeyGen Interactive Avatar). Blocking calls; the bot is not busy."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import env
from .base import HTTPPlugin, log


@dataclass
class FaceRoom:
    session_id: str
    livekit_url: str
    livekit_token: str

    @classmethod
    def from_envelope(cls, envelope: dict[str, Any]) -> "FaceRoom":
        data = envelope.get("data") or {}
        return cls(data["session_id"], data["url"], data["access_token"])


class FacePlugin(HTTPPlugin):
    name = "face"
    root = env.AVATAR_SERVICE_ROOT
    timeout = env.HTTP_TIMEOUT

    def default_headers(self) -> dict[str, str]:
        return {**super().default_headers(), "X-Api-Key": env.AVATAR_SERVICE_KEY}

    def __init__(self) -> None:
        super().__init__()
        self.room: FaceRoom | None = None
        self.avatar_id = env.PREFERRED_AVATAR

    async def on_start(self) -> None:
        if not self.avatar_id:
            avatars = self._get("/v1/streaming/avatar.list")["data"]
            self.avatar_id = avatars[0]["avatar_id"]
        opened = self._post(
            "/v1/streaming.new",
            {"avatar_id": self.avatar_id, "quality": "high", "version": "v2"},
        )
        self.room = FaceRoom.from_envelope(opened)
        self._post("/v1/streaming.start", {"session_id": self.room.session_id})
        log.info("face up in %s", self.room.session_id)

    async def say(self, text: str) -> None:
        assert self.room is not None
        self._post("/v1/streaming.task", {"session_id": self.room.session_id, "text": text})

    async def stop_talking(self) -> None:
        assert self.room is not None
        self._post("/v1/streaming.interrupt", {"session_id": self.room.session_id})

    async def listening(self, on: bool) -> None:
        assert self.room is not None
        action = "start_listening" if on else "stop_listening"
        self._post(f"/v1/streaming.{action}", {"session_id": self.room.session_id})

    async def heartbeat(self) -> None:
        assert self.room is not None
        self._post("/v1/streaming.keep_alive", {"session_id": self.room.session_id})

    async def on_stop(self) -> None:
        try:
            if self.room is not None:
                self._post("/v1/streaming.stop", {"session_id": self.room.session_id})
                self.room = None
        finally:
            await super().on_stop()
