"""Shared HTTP plumbing for voicekit services (one aiohttp session per service)."""
from __future__ import annotations

from typing import Any, Optional

import aiohttp


class ServiceError(RuntimeError):
    def __init__(self, service: str, status: int, body: Any) -> None:
        super().__init__(f"{service}: HTTP {status}: {body}")
        self.status = status
        self.body = body


class HTTPService:
    """Base class: subclasses set ``name`` and override ``_auth_headers``."""

    name = "http"

    def __init__(self, session: Optional[aiohttp.ClientSession] = None) -> None:
        self._session = session
        self._owns_session = session is None

    def _auth_headers(self) -> dict[str, str]:
        return {}

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        return self._session

    async def _post(self, url: str, payload: Optional[dict] = None) -> Any:
        http = await self._http()
        async with http.post(url, json=payload or {}, headers=self._auth_headers()) as resp:
            body = await resp.json(content_type=None)
            if resp.status >= 400:
                raise ServiceError(self.name, resp.status, body)
            return body

    async def _get(self, url: str, params: Optional[dict] = None) -> Any:
        http = await self._http()
        async with http.get(url, params=params, headers=self._auth_headers()) as resp:
            body = await resp.json(content_type=None)
            if resp.status >= 400:
                raise ServiceError(self.name, resp.status, body)
            return body

    async def aclose(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None
