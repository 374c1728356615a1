"""Thin async wrapper over the streaming avatar endpoints."""
from __future__ import annotations

from typing import Any

import httpx

from .settings import Settings


class Presenter:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = httpx.AsyncClient(
            base_url=settings.base_url,
            headers={"x-api-key": settings.api_key},
            timeout=httpx.Timeout(15.0, connect=5.0),
        )
        self.session_id = ""

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = await self.client.post(path, json=body)
        r.raise_for_status()
        return r.json()["data"]

    async def go_live(self) -> tuple[str, str]:
        data = await self._post("/v1/streaming.new", {"avatar_id": self.settings.avatar, "version": "v2"})
        self.session_id = data["session_id"]
        await self._post("/v1/streaming.start", {"session_id": self.session_id})
        return data["url"], data["access_token"]

    async def announce(self, text: str) -> None:
        await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text})

    async def still_here(self) -> None:
        await self._post("/v1/streaming.keep_alive", {"session_id": self.session_id})

    async def go_dark(self) -> None:
        try:
            await self._post("/v1/streaming.stop", {"session_id": self.session_id})
        finally:
            await self.client.aclose()
