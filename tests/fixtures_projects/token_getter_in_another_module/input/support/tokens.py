"""The streaming token, fetched once and shared by every call of the client."""
from __future__ import annotations

import asyncio
import os

import aiohttp

API = "https://api.heygen.com/v1"


class TokenProvider:
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self._http = http
        self._token: str | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if self._token is None:
                async with self._http.post(
                    f"{API}/streaming.create_token",
                    headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
                ) as resp:
                    resp.raise_for_status()
                    body = await resp.json()
                self._token = body["data"]["token"]
        return self._token
