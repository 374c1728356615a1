"""The session calls, each authenticated with the provider's token."""
from __future__ import annotations

from typing import Any

import aiohttp

from .tokens import API, TokenProvider


class StreamingClient:
    def __init__(self, http: aiohttp.ClientSession, tokens: TokenProvider) -> None:
        self.http = http
        self.tokens = tokens

    async def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.tokens.get()}"}

    async def open(self, avatar_id: str) -> dict[str, Any]:
        async with self.http.post(
            f"{API}/streaming.new",
            json={"avatar_id": avatar_id, "version": "v2"},
            headers=await self._auth(),
        ) as r:
            r.raise_for_status()
            session = (await r.json())["data"]
        async with self.http.post(
            f"{API}/streaming.start",
            json={"session_id": session["session_id"]},
            headers=await self._auth(),
        ) as r:
            r.raise_for_status()
        return session

    async def say(self, session_id: str, text: str) -> None:
        async with self.http.post(
            f"{API}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            headers=await self._auth(),
        ) as r:
            r.raise_for_status()

    async def close(self, session_id: str) -> None:
        async with self.http.post(
            f"{API}/streaming.stop",
            json={"session_id": session_id},
            headers=await self._auth(),
        ) as r:
            r.raise_for_status()
