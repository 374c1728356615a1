from __future__ import annotations

import os

import httpx
from pydantic import BaseModel

from .credentials import TokenProvider

HEYGEN_API = "https://api.heygen.com"


class RoomInfo(BaseModel):
    session_id: str
    url: str
    access_token: str


class AvatarClient:
    def __init__(self, tokens: TokenProvider, http: httpx.AsyncClient | None = None) -> None:
        self.tokens = tokens
        self.http = http or httpx.AsyncClient(base_url=HEYGEN_API, timeout=20)

    async def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.tokens.token()}", "Accept": "application/json"}

    async def open(self) -> RoomInfo:
        r = await self.http.post(
            "/v1/streaming.new",
            json={"avatar_id": os.environ.get("CONCIERGE_AVATAR", "Anna_public_3_20240108"), "version": "v2"},
            headers=await self._headers(),
        )
        r.raise_for_status()
        room = RoomInfo(**{k: r.json()["data"][k] for k in ("session_id", "url", "access_token")})
        s = await self.http.post("/v1/streaming.start", json={"session_id": room.session_id}, headers=await self._headers())
        s.raise_for_status()
        return room

    async def say(self, room: RoomInfo, text: str) -> None:
        r = await self.http.post(
            "/v1/streaming.task",
            json={"session_id": room.session_id, "text": text, "task_type": "repeat"},
            headers=await self._headers(),
        )
        r.raise_for_status()

    async def close(self, room: RoomInfo) -> None:
        r = await self.http.post("/v1/streaming.stop", json={"session_id": room.session_id}, headers=await self._headers())
        r.raise_for_status()
        await self.http.aclose()
