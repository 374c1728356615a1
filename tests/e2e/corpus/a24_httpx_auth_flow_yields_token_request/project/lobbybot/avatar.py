"""The lobby bot's avatar, over an httpx.AsyncClient authenticated by the token flow."""
from __future__ import annotations

import os
from typing import Any

import httpx

from .auth import StreamingTokenAuth

STREAMING = "https://api.heygen.com/v1/streaming"


class LobbyAvatar:
    def __init__(self) -> None:
        self.client = httpx.AsyncClient(auth=StreamingTokenAuth(), timeout=30.0)
        self.session_id = ""

    async def _post(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        r = await self.client.post(f"{STREAMING}.{action}", json=payload)
        r.raise_for_status()
        body = r.json()
        if body.get("code") != 100:
            raise RuntimeError(body.get("message"))
        return body["data"]

    async def open(self) -> tuple[str, str]:
        data = await self._post("new", {"avatar_id": os.environ.get("LOBBY_AVATAR", "Wayne_20240711"), "version": "v2"})
        self.session_id = data["session_id"]
        await self._post("start", {"session_id": self.session_id})
        return data["url"], data["access_token"]

    async def greet(self, text: str) -> None:
        await self._post("task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    async def close(self) -> None:
        await self._post("stop", {"session_id": self.session_id})
        await self.client.aclose()
