"""Shared async HTTP plumbing for every outbound service of the reception agent."""
from __future__ import annotations

import logging
from functools import partialmethod
from typing import Any

import httpx

log = logging.getLogger(__name__)


class ServiceError(RuntimeError):
    def __init__(self, service: str, status: int, detail: str) -> None:
        super().__init__(f"{service} answered {status}: {detail}")
        self.status = status


class AsyncHTTPService:
    """Base class: one lazily created AsyncClient, JSON in and out, one error type."""

    service_name = "service"

    def __init__(self, base_url: str, timeout: float = 20.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self.timeout)
        return self._client

    def _auth_headers(self, token: str | None = None) -> dict[str, str]:
        return {}

    async def _request(
        self, method: str, path: str, *, json: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Accept": "application/json", **self._auth_headers(token)}
        url = f"{self.base_url}/{path.lstrip('/')}"
        log.debug("%s %s", method, url)
        resp = await self.client.request(method, url, json=json, headers=headers)
        if resp.status_code >= 400:
            raise ServiceError(self.service_name, resp.status_code, resp.text[:200])
        return resp.json()

    _get = partialmethod(_request, "GET")
    _post = partialmethod(_request, "POST")

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
