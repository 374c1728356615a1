import os

import requests


class HeyGen:
    BASE = "https://api.heygen.com"
    LIVEAVATAR_BASE = "https://api.liveavatar.com"

    def __init__(self, api_key):
        self.headers = {"X-Api-Key": api_key}

    def post(self, path, payload):
        r = requests.post(self.BASE + path, json=payload, headers=self.headers, timeout=30)
        r.raise_for_status()
        return r.json()["data"]

    def liveavatar_post(self, path, payload):
        """`post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `post`."""
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() not in ("authorization", "x-api-key")
        }
        headers["X-API-KEY"] = os.environ["LIVEAVATAR_API_KEY"]
        r = requests.post(
            self.LIVEAVATAR_BASE + path, json=payload, headers=headers, timeout=30
        )
        r.raise_for_status()
        return r.json()["data"]


heygen = HeyGen(os.environ["HEYGEN_API_KEY"])
