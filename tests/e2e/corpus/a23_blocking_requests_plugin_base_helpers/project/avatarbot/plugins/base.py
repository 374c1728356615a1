"""Base class of every bot plugin that talks to an HTTP service."""
from __future__ import annotations

import logging
from typing import Any

import requests

log = logging.getLogger("avatarbot.plugins")


class PluginHTTPError(Exception):
    pass


class HTTPPlugin:
    """Plugins get a requests.Session and JSON helpers; subclasses set ``root`` and headers."""

    name = "http"
    root = ""
    timeout = 15

    def __init__(self) -> None:
        self.session = requests.Session()
        self.session.headers.update(self.default_headers())

    def default_headers(self) -> dict[str, str]:
        return {"Accept": "application/json"}

    def _get(self, path: str, **params: Any) -> dict[str, Any]:
        resp = self.session.get(self.root + path, params=params or None, timeout=self.timeout)
        return self._decode(resp)

    def _post(self, path: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        resp = self.session.post(self.root + path, json=payload or {}, timeout=self.timeout)
        return self._decode(resp)

    def _decode(self, resp: requests.Response) -> dict[str, Any]:
        if not resp.ok:
            raise PluginHTTPError(f"{self.name}: {resp.status_code} {resp.text[:120]}")
        return resp.json()

    async def on_start(self) -> None: ...

    async def on_stop(self) -> None:
        self.session.close()
