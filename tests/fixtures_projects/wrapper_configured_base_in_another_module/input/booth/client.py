"""A small HeyGen HTTP client; the app decides where it points (staging, a proxy, production)."""
import requests


class HeyGenClient:
    def __init__(self, base, key):
        self.base = base.rstrip("/")
        self.key = key

    def post(self, path, payload=None):
        resp = requests.post(f"{self.base}/{path}", json=payload or {}, headers={"x-api-key": self.key}, timeout=15)
        resp.raise_for_status()
        return resp.json()["data"]
