"""Service singletons shared by the routers."""
import os

import requests


class HeyGenClient:
    BASE = "https://api.heygen.com"

    def __init__(self, api_key: str):
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key})

    def post(self, path: str, payload: dict) -> dict:
        r = self.http.post(self.BASE + path, json=payload, timeout=30)
        r.raise_for_status()
        return r.json()["data"]

    def get(self, path: str, **params) -> dict:
        r = self.http.get(self.BASE + path, params=params, timeout=30)
        r.raise_for_status()
        return r.json()["data"]


heygen = HeyGenClient(os.environ["HEYGEN_API_KEY"])
