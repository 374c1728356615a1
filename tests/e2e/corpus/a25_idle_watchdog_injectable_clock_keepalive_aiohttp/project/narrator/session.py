"""One HeyGen streaming session for the duration of a guided tour."""
from __future__ import annotations

import os
from typing import Awaitable, Callable

import aiohttp

ReadyCallback = Callable[[str, str], Awaitable[None]]


class NarratorSession:
    def __init__(self, avatar_id: str, on_ready: ReadyCallback | None = None) -> None:
        self.avatar_id = avatar_id
        self.on_ready = on_ready
        self.session_id: str | None = None
        self._http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> "NarratorSession":
        self._http = aiohttp.ClientSession(
            base_url="https://api.heygen.com",
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        )
        async with self._http.post(
            "/v1/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2", "quality": "medium"}
        ) as resp:
            payload = await resp.json()
        if payload.get("code") != 100:
            await self._http.close()
            raise RuntimeError(payload.get("message"))
        data = payload["data"]
        self.session_id = data["session_id"]
        async with self._http.post("/v1/streaming.start", json={"session_id": self.session_id}) as resp:
            resp.raise_for_status()
        if self.on_ready is not None:
            await self.on_ready(data["url"], data["access_token"])
        return self

    async def narrate(self, text: str) -> None:
        assert self._http is not None
        async with self._http.post(
            "/v1/streaming.task", json={"session_id": self.session_id, "text": text, "task_type": "repeat"}
        ) as resp:
            resp.raise_for_status()

    async def keep_alive(self) -> None:
        assert self._http is not None
        async with self._http.post("/v1/streaming.keep_alive", json={"session_id": self.session_id}) as resp:
            resp.raise_for_status()

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._http is not None
        try:
            async with self._http.post("/v1/streaming.stop", json={"session_id": self.session_id}) as resp:
                resp.raise_for_status()
        finally:
            await self._http.close()
            self.session_id = None
