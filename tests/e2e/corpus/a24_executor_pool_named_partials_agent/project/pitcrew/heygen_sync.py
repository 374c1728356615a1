"""Synchronous HeyGen streaming client (shared with the CLI tools)."""
import os

import requests

BASE_URL = "https://api.heygen.com/v1"


class HeyGenSync:
    def __init__(self, api_key=None):
        self.session = requests.Session()
        self.session.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]

    def post(self, endpoint, payload):
        resp = self.session.post(f"{BASE_URL}/{endpoint}", json=payload, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        return body.get("data") or {}
