"""Thin HeyGen Streaming client used by the greeter routes (one per worker, see plugin.py)."""
import logging

import requests

log = logging.getLogger(__name__)


class HeyGenError(Exception):
    def __init__(self, endpoint, status, message):
        super().__init__(f"{endpoint} failed ({status}): {message}")
        self.endpoint = endpoint
        self.status = status


class HeyGen:
    def __init__(self, api_key, api_root="https://api.heygen.com/v1", timeout=20):
        self.root = api_root.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key
        self.http.headers["Accept"] = "application/json"

    def call(self, endpoint, **payload):
        url = f"{self.root}/{endpoint}"
        log.debug("POST %s %s", url, payload)
        resp = self.http.post(url, json=payload, timeout=self.timeout)
        try:
            body = resp.json()
        except ValueError:
            raise HeyGenError(endpoint, resp.status_code, resp.text[:200])
        if resp.status_code != 200 or body.get("code") != 100:
            raise HeyGenError(endpoint, resp.status_code, body.get("message"))
        return body.get("data") or {}

    def close(self):
        self.http.close()
