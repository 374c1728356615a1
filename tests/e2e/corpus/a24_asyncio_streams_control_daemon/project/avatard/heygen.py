from __future__ import annotations

import os
from typing import Any

import aiohttp

BASE = os.environ.get("AVATARD_HEYGEN_BASE", "https://api.heygen.com/v1")


class HeyGen:
    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        return self._session

    async def post(self, endpoint: str, payload: dict[str, Any]) -> dict[str, Any]:
        http = await self._http()
        async with http.post(f"{BASE}/{endpoint}", json=payload) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
