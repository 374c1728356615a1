"""One aiohttp session, JSON in and out. GET/POST are the same request with the verb bound."""
from __future__ import annotations

import os
from functools import partialmethod
from typing import Any

import aiohttp


class TransportError(RuntimeError):
    pass


class Transport:
    def __init__(self, api_key: str | None = None, base_url: str | None = None) -> None:
        self.base_url = (base_url or os.environ.get("FACEKIT_BASE_URL", "https://api.heygen.com/v1")).rstrip("/")
        self._key = api_key or os.environ["HEYGEN_API_KEY"]
        self._session: aiohttp.ClientSession | None = None

    async def _ensure(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                headers={"x-api-key": self._key, "accept": "application/json"},
                timeout=aiohttp.ClientTimeout(total=20),
            )
        return self._session

    async def _request(self, method: str, path: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        session = await self._ensure()
        async with session.request(method, f"{self.base_url}/{path.lstrip('/')}", json=payload) as resp:
            body = await resp.json(content_type=None)
            if resp.status >= 400:
                raise TransportError(f"{method} {path}: {resp.status} {body}")
            return body

    get = partialmethod(_request, "GET")
    post = partialmethod(_request, "POST")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
