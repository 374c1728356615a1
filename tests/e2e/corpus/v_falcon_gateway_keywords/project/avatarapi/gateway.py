import os

import requests


class HeyGenError(Exception):
    pass


class HeyGenGateway:
    def __init__(self, root=None, api_key=None):
        self.root = root or os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com")
        self.http = requests.Session()
        self.http.headers.update({
            "Authorization": "Bearer " + (api_key or os.environ["HEYGEN_API_KEY"]),
            "Content-Type": "application/json",
        })

    def call(self, name, **fields):
        r = self.http.post(self.root + "/v1/streaming." + name, json=fields, timeout=20)
        if r.status_code != 200:
            raise HeyGenError(f"{name}: {r.status_code} {r.text[:200]}")
        return r.json()
