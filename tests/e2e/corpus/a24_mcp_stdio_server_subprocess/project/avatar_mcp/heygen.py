from __future__ import annotations

import os
from typing import Any

import httpx


class StreamingAvatar:
    """Thin async client; one instance per server process."""

    def __init__(self) -> None:
        self._client = httpx.AsyncClient(
            base_url="https://api.heygen.com/v1/",
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
            timeout=30,
        )
        self.session_id: str | None = None

    async def _call(self, method: str, **params: Any) -> dict[str, Any]:
        response = await self._client.post(f"streaming.{method}", json=params)
        response.raise_for_status()
        return response.json()["data"]

    async def open(self, avatar_id: str) -> dict[str, Any]:
        room = await self._call("new", avatar_id=avatar_id, version="v2")
        self.session_id = room["session_id"]
        await self._call("start", session_id=self.session_id)
        return room

    async def say(self, text: str) -> None:
        await self._call("task", session_id=self.session_id, text=text)

    async def close(self) -> None:
        if self.session_id:
            await self._call("stop", session_id=self.session_id)
            self.session_id = None
        await self._client.aclose()
