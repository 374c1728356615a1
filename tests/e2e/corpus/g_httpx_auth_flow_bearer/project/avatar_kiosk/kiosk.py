"""The lobby kiosk: one streaming avatar that reads announcements."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import httpx

from .auth import StreamingTokenAuth

log = logging.getLogger(__name__)

API_BASE = "https://api.heygen.com/v1"


@dataclass(frozen=True)
class Room:
    session_id: str
    url: str
    token: str


class LobbyKiosk:
    def __init__(self, api_key: str, avatar_id: str, quality: str = "medium") -> None:
        self.avatar_id = avatar_id
        self.quality = quality
        self._http = httpx.Client(
            base_url=API_BASE,
            auth=StreamingTokenAuth(api_key),
            timeout=httpx.Timeout(20.0, connect=5.0),
        )
        self.room: Room | None = None

    @classmethod
    def from_env(cls) -> "LobbyKiosk":
        return cls(
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108"),
            quality=os.environ.get("KIOSK_QUALITY", "medium"),
        )

    def _post(self, path: str, payload: dict) -> dict:
        resp = self._http.post(path, json=payload)
        resp.raise_for_status()
        return resp.json()["data"]

    @property
    def session_id(self) -> str:
        if self.room is None:
            raise RuntimeError("kiosk is not open")
        return self.room.session_id

    def open(self) -> Room:
        data = self._post(
            "/streaming.new",
            {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"},
        )
        self.room = Room(data["session_id"], data["url"], data["access_token"])
        self._post("/streaming.start", {"session_id": self.room.session_id})
        log.info("kiosk session %s started", self.room.session_id)
        return self.room

    def announce(self, text: str) -> None:
        self._post(
            "/streaming.task",
            {"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        )

    def heartbeat(self) -> None:
        self._post("/streaming.keep_alive", {"session_id": self.session_id})

    def cut(self) -> None:
        self._post("/streaming.interrupt", {"session_id": self.session_id})

    def close(self) -> None:
        if self.room is not None:
            try:
                self._post("/streaming.stop", {"session_id": self.room.session_id})
            finally:
                self.room = None
        self._http.close()
