from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any

import aiohttp

BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")
HEYGEN_HEADERS = {"X-Api-Key": os.getenv("HEYGEN_API_KEY", ""), "Accept": "application/json"}


@dataclass(slots=True)
class AvatarRoom:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> "AvatarRoom":
        return cls(**{f.name: payload[f.name] for f in fields(cls)})


class Overlay:
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http
        self.room: AvatarRoom | None = None

    async def open(self) -> AvatarRoom:
        body = {"avatar_id": os.getenv("OVERLAY_AVATAR", "Anna_public_3_20240108"), "version": "v2"}
        async with self.http.post(f"{BASE}/v1/streaming.new", json=body, headers=HEYGEN_HEADERS) as resp:
            resp.raise_for_status()
            payload = await resp.json()
        self.room = AvatarRoom.from_payload(payload["data"])
        async with self.http.post(
            f"{BASE}/v1/streaming.start", json={"session_id": self.room.session_id}, headers=HEYGEN_HEADERS
        ) as resp:
            resp.raise_for_status()
        return self.room

    async def shout(self, text: str) -> None:
        assert self.room is not None
        async with self.http.post(
            f"{BASE}/v1/streaming.task",
            json={"session_id": self.room.session_id, "text": text, "task_type": "repeat"},
            headers=HEYGEN_HEADERS,
        ) as resp:
            resp.raise_for_status()

    async def quiet(self) -> None:
        assert self.room is not None
        async with self.http.post(
            f"{BASE}/v1/streaming.interrupt", json={"session_id": self.room.session_id}, headers=HEYGEN_HEADERS
        ) as resp:
            resp.raise_for_status()

    async def close(self) -> None:
        if self.room is None:
            return
        async with self.http.post(
            f"{BASE}/v1/streaming.stop", json={"session_id": self.room.session_id}, headers=HEYGEN_HEADERS
        ) as resp:
            resp.raise_for_status()
        self.room = None
