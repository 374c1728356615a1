"""Streaming tokens: fetched once, shared by every call until they get old."""
from __future__ import annotations

import asyncio
import os
import time

import aiohttp

API = os.getenv("SUPPORT_AVATAR_API", "https://api.heygen.com") + "/v1"


class TokenProvider:
    """Hands out the current streaming token; refreshes it under a lock when it is stale."""

    def __init__(self, http: aiohttp.ClientSession, ttl: float = 480.0) -> None:
        self._http = http
        self._ttl = ttl
        self._token: str | None = None
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    def _fresh(self) -> bool:
        return self._token is not None and time.monotonic() - self._fetched_at < self._ttl

    async def get(self) -> str:
        if self._fresh():
            return self._token  # type: ignore[return-value]
        async with self._lock:
            if not self._fresh():
                async with self._http.post(
                    f"{API}/streaming.create_token",
                    headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
                ) as resp:
                    resp.raise_for_status()
                    body = await resp.json()
                self._token = body["data"]["token"]
                self._fetched_at = time.monotonic()
        return self._token  # type: ignore[return-value]
