"""Low-level HeyGen client the desk's services inherit from."""
import logging
import os

import requests

log = logging.getLogger(__name__)


class HeyGenError(Exception):
    """Any failed HeyGen call; views turn it into a 502."""


class BaseClient:
    BASE = "https://api.heygen.com"

    def __init__(self, api_key=None):
        self.key = api_key or os.environ["HEYGEN_API_KEY"]
        self.http = requests.Session()

    def _request(self, path, body):
        resp = self.http.post(self.BASE + path, json=body, headers={"X-Api-Key": self.key}, timeout=30)
        if resp.status_code != 200:
            log.warning("HeyGen %s failed: %s", path, resp.text)
            raise HeyGenError(f"{path}: HTTP {resp.status_code}")
        return resp.json()["data"]

    def close_session(self, session_id):
        self._request("/v1/streaming.stop", {"session_id": session_id})
