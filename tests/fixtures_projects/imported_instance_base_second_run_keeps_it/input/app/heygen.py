import os

import requests


class HeyGen:
    BASE = "https://api.heygen.com"

    def __init__(self, api_key):
        self.headers = {"X-Api-Key": api_key}

    def post(self, path, payload):
        headers = {**self.headers, "Accept": "application/json"}
        r = requests.post(self.BASE + path, json=payload, headers=headers, timeout=30)
        r.raise_for_status()
        return r.json()["data"]


heygen = HeyGen(os.environ["HEYGEN_API_KEY"])
