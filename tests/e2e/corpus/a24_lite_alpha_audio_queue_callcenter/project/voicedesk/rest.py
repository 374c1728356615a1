"""REST side of the HeyGen realtime avatar (our own voice pipeline drives the audio)."""
from __future__ import annotations

import os
from typing import Any

import aiohttp


class RealtimeAvatarAPI:
    API = "https://api.heygen.com"

    def __init__(self) -> None:
        self._http = aiohttp.ClientSession(
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            raise_for_status=True,
            timeout=aiohttp.ClientTimeout(total=20),
        )
        self.session_id: str | None = None

    async def _call(self, name: str, **body: Any) -> dict[str, Any]:
        async with self._http.post(f"{self.API}/v1/streaming.{name}", json=body) as r:
            payload = await r.json()
        return payload.get("data") or {}

    async def open(self, avatar_id: str) -> dict[str, Any]:
        data = await self._call("new", avatar_id=avatar_id, version="v2", video_encoding="VP8", quality="low")
        self.session_id = data["session_id"]
        await self._call("start", session_id=self.session_id)
        return data

    async def ping(self) -> None:
        await self._call("keep_alive", session_id=self.session_id)

    async def close(self) -> None:
        try:
            if self.session_id:
                await self._call("stop", session_id=self.session_id)
        finally:
            await self._http.close()
