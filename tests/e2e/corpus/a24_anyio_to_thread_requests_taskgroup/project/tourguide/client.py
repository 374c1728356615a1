"""Blocking HeyGen client; the async side runs it on worker threads (anyio.to_thread)."""
from __future__ import annotations

import os
from typing import Any

import requests

HEYGEN_API = os.getenv("TOURGUIDE_HEYGEN_API", "https://api.heygen.com/v1")


class HeyGenError(RuntimeError):
    pass


class HeyGenClient:
    def __init__(self, api_key: str | None = None) -> None:
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"], "Accept": "application/json"})

    def _post(self, endpoint: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = self.http.post(f"{HEYGEN_API}/{endpoint}", json=payload, timeout=30)
        if not resp.ok:
            raise HeyGenError(f"{endpoint}: HTTP {resp.status_code} {resp.text[:200]}")
        return resp.json()["data"]

    def close(self) -> None:
        self.http.close()
