from __future__ import annotations

import os
from typing import Any

import httpx

API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1")


class AvatarControl:
    """The avatar session of one browser connection."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.session_id: str | None = None

    async def open(self, avatar_id: str) -> dict[str, Any]:
        r = await self.http.post(f"{API_BASE}/streaming.new", json={"avatar_id": avatar_id, "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        r = await self.http.post(f"{API_BASE}/streaming.start", json={"session_id": self.session_id})
        r.raise_for_status()
        return data

    async def say(self, text: str, mode: str = "repeat") -> str:
        r = await self.http.post(
            f"{API_BASE}/streaming.task", json={"session_id": self.session_id, "text": text, "task_type": mode}
        )
        r.raise_for_status()
        return r.json()["data"]["task_id"]

    async def stop(self) -> None:
        if self.session_id is None:
            return
        r = await self.http.post(f"{API_BASE}/streaming.stop", json={"session_id": self.session_id})
        r.raise_for_status()
        self.session_id = None
