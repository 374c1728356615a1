import os

import requests


class GatewayError(Exception):
    pass


class ApiGateway:
    """Thin HeyGen streaming client: every endpoint goes through `call`."""

    def __init__(self, api_key=None, base=None):
        self.base = base or "https://api.heygen.com"
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]

    def call(self, name, body):
        r = self.http.post(self.base + "/v1/streaming." + name, json=body, timeout=15)
        if not r.ok:
            raise GatewayError(f"{name} failed: {r.status_code}")
        return r.json()
