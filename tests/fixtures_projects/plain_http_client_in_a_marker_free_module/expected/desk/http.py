"""A small JSON-over-HTTP client shared by the desk's integrations."""
import os

import requests


class ApiError(Exception):
    pass


class ApiClient:
    def __init__(self, base_url, api_key, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})
        self.timeout = timeout

    def post(self, path, json=None):
        resp = self.session.post(self.base_url + path, json=json or {}, timeout=self.timeout)
        if resp.status_code >= 400:
            raise ApiError(f"POST {path}: HTTP {resp.status_code}")
        return resp.json()
