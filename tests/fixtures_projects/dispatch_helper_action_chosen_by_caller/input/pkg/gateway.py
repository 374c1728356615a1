"""One helper sends every streaming call; its callers live in other modules."""
import os

import requests


class HeyGenGateway:
    def __init__(self, api_key=None):
        self.root = "https://api.heygen.com"
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]

    def call(self, name, body):
        r = self.http.post(self.root + "/v1/streaming." + name, json=body, timeout=20)
        r.raise_for_status()
        return r.json()
