"""A requests.Session that knows HeyGen's streaming API: base URL, key, retries, envelope."""
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class HeyGenAPIError(Exception):
    def __init__(self, endpoint, message, status=None):
        super().__init__(f"{endpoint}: {message}")
        self.endpoint = endpoint
        self.status = status


class HeyGenHTTP(requests.Session):
    BASE = "https://api.heygen.com/v1/"

    def __init__(self, api_key, retries=3, timeout=15):
        super().__init__()
        self.timeout = timeout
        self.headers.update({"X-Api-Key": api_key, "accept": "application/json"})
        retry = Retry(
            total=retries,
            backoff_factor=0.3,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"GET", "POST"}),
        )
        self.mount("https://", HTTPAdapter(max_retries=retry))

    def call(self, endpoint, **body):
        resp = self.post(urljoin(self.BASE, endpoint), json=body, timeout=self.timeout)
        if not resp.ok:
            raise HeyGenAPIError(endpoint, resp.text[:300], resp.status_code)
        payload = resp.json()
        if payload.get("code") not in (None, 100):
            raise HeyGenAPIError(endpoint, payload.get("message", "unknown error"))
        return payload["data"]
