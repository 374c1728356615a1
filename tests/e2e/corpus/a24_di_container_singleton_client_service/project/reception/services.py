"""Reception avatar service: gets its HTTP client from the container."""
from __future__ import annotations

from typing import Any

import httpx


class AvatarService:
    def __init__(self, http: httpx.AsyncClient, avatar_id: str) -> None:
        self.http = http
        self.avatar_id = avatar_id
        self.session_id: str | None = None

    async def _send(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = await self.http.post(path, json=body)
        r.raise_for_status()
        return r.json()["data"]

    async def begin(self) -> dict[str, str]:
        data = await self._send("/v1/streaming.new", {"avatar_id": self.avatar_id, "quality": "low", "version": "v2"})
        self.session_id = data["session_id"]
        await self._send("/v1/streaming.start", {"session_id": self.session_id})
        return {"livekit_url": data["url"], "client_token": data["access_token"]}

    async def say(self, text: str) -> None:
        await self._send("/v1/streaming.task", {"session_id": self.session_id, "text": text})

    async def end(self) -> None:
        await self._send("/v1/streaming.stop", {"session_id": self.session_id})
