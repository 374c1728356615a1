"""A requests.Session that knows the HeyGen API host.

    http = HeyGenHTTP(api_key)
    data = http.post("streaming.new", json={...})   # -> the "data" of the envelope
"""
from urllib.parse import urljoin

import requests


class HeyGenAPIError(RuntimeError):
    pass


class HeyGenHTTP(requests.Session):
    base_url = "https://api.heygen.com/v1/"

    def __init__(self, api_key, timeout=20):
        super().__init__()
        self.timeout = timeout
        self.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        resp = super().request(method, urljoin(self.base_url, url), *args, **kwargs)
        resp.raise_for_status()
        body = resp.json()
        if body.get("code", 100) != 100:
            raise HeyGenAPIError(f"{url}: {body.get('message')}")
        return body.get("data")
