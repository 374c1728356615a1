import os

import requests

HEYGEN_ROOT = os.environ.get("LIVEAVATAR_ROOT", "https://api.liveavatar.com")


class HeyGenGateway:
    def __init__(self):
        self.http = requests.Session()
        self.http.headers.update({"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]})

    def call(self, name, body=None):
        resp = self.http.post(f"{HEYGEN_ROOT}/v1/sessions/{name}", json=body or {}, timeout=10)
        resp.raise_for_status()
        return resp.json()


def heygen_call(action, **fields):
    """One-off calls that do not need the gateway's session."""
    resp = requests.post(
        f"{HEYGEN_ROOT}/v1/sessions/{action}",
        headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        json=fields,
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()
