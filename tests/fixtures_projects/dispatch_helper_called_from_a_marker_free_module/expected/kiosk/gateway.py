import os

import requests


class GatewayError(Exception):
    pass


class ApiGateway:
    """Thin HeyGen streaming client: every endpoint goes through `call`."""

    def __init__(self, api_key=None, base=None):
        self.base = base or "https://api.liveavatar.com"
        self.http = requests.Session()
        self.http.headers["X-API-KEY"] = api_key or os.environ["LIVEAVATAR_API_KEY"]

    def call(self, name, body):
        r = self.http.post(self.base + "/v1/sessions/" + name, json=body, timeout=15)
        if not r.ok:
            raise GatewayError(f"{name} failed: {r.status_code}")
        return r.json()
