import os

import requests

BASE = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com") + "/v1"


class HeyGen:
    def __init__(self):
        self.s = requests.Session()
        self.s.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"]})

    def call(self, endpoint: str, **body) -> dict:
        r = self.s.post(f"{BASE}/{endpoint}", json=body, timeout=20)
        r.raise_for_status()
        return r.json().get("data") or {}
