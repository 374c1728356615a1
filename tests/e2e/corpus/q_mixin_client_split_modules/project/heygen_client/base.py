import os

import requests


class HeyGenAPIError(RuntimeError):
    pass


class BaseMixin:
    """Transport shared by every mixin."""

    def __init__(self, api_key=None, base_url="https://api.heygen.com", timeout=30):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._http = requests.Session()
        self._http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]

    def _request(self, method, path, **kwargs):
        resp = self._http.request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        try:
            resp.raise_for_status()
        except requests.HTTPError as exc:
            raise HeyGenAPIError(f"{method} {path}: {resp.status_code} {resp.text}") from exc
        return resp.json()
