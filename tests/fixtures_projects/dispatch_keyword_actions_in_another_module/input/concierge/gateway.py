import os

import requests

HEYGEN_ROOT = os.environ.get("HEYGEN_ROOT", "https://api.heygen.com")


class HeyGenGateway:
    def __init__(self):
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"]})

    def call(self, name, body=None):
        resp = self.http.post(f"{HEYGEN_ROOT}/v1/streaming.{name}", json=body or {}, timeout=10)
        resp.raise_for_status()
        return resp.json()


def heygen_call(action, **fields):
    """One-off calls that do not need the gateway's session."""
    resp = requests.post(
        f"{HEYGEN_ROOT}/v1/streaming.{action}",
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        json=fields,
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()
