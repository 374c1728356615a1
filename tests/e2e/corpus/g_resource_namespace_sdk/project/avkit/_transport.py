from __future__ import annotations

from typing import Any

import requests

from ._errors import APIError

DEFAULT_BASE_URL = "https://api.heygen.com/v1"


class _Transport:
    def __init__(self, api_key: str, base_url: str = DEFAULT_BASE_URL, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._http = requests.Session()
        self._http.headers.update({"X-Api-Key": api_key, "User-Agent": "avkit/0.3"})

    def request(self, method: str, path: str, json: dict[str, Any] | None = None) -> Any:
        resp = self._http.request(method, self.base_url + path, json=json, timeout=self.timeout)
        try:
            body = resp.json()
        except ValueError:
            raise APIError(resp.status_code, None, resp.text) from None
        if resp.status_code >= 400 or body.get("code") != 100:
            raise APIError(resp.status_code, body.get("code"), body.get("message", ""))
        return body.get("data")

    def close(self) -> None:
        self._http.close()
