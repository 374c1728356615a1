"""HeyGen streaming avatar client. One pooled aiohttp session, opened in __aenter__."""
from __future__ import annotations

import os
from typing import Any

import aiohttp

from .registry import ToolError

API_ROOT = os.environ.get("AVATAR_RPC_API_ROOT", "https://api.heygen.com/v1")


class StreamingAvatar:
    def __init__(self, api_key: str | None = None, *, api_root: str = API_ROOT) -> None:
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.api_root = api_root.rstrip("/")
        self._http: aiohttp.ClientSession | None = None
        self.session_id: str | None = None

    async def __aenter__(self) -> "StreamingAvatar":
        self._http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=4, ttl_dns_cache=300),
            timeout=aiohttp.ClientTimeout(total=30, sock_connect=5),
            headers={"x-api-key": self.api_key, "accept": "application/json"},
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def _post(self, endpoint: str, payload: dict[str, Any]) -> dict[str, Any]:
        if self._http is None:
            raise ToolError("avatar client is not open")
        async with self._http.post(f"{self.api_root}/{endpoint}", json=payload) as resp:
            body = await resp.json(content_type=None)
            if resp.status >= 400 or body.get("code") != 100:
                raise ToolError(f"{endpoint} failed ({resp.status}): {body.get('message')}")
            return body.get("data") or {}

    async def open(self, avatar_id: str, quality: str = "low") -> dict[str, Any]:
        data = await self._post(
            "streaming.new",
            {"avatar_id": avatar_id, "quality": quality, "version": "v2", "video_encoding": "H264"},
        )
        self.session_id = data["session_id"]
        await self._post("streaming.start", {"session_id": self.session_id})
        return data

    async def speak(self, text: str) -> str:
        data = await self._post(
            "streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"}
        )
        return data.get("task_id", "")

    async def interrupt(self) -> None:
        await self._post("streaming.interrupt", {"session_id": self.session_id})

    async def ping(self) -> None:
        await self._post("streaming.keep_alive", {"session_id": self.session_id})

    async def close(self) -> None:
        if self.session_id:
            await self._post("streaming.stop", {"session_id": self.session_id})
            self.session_id = None
