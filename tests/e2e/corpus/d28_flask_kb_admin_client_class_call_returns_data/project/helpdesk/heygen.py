import os

import requests


class HeyGenError(RuntimeError):
    def __init__(self, status: int, detail: str):
        super().__init__(f"HeyGen answered {status}: {detail}")
        self.status = status


class HeyGenClient:
    """Thin wrapper: one pooled session, the key from the environment."""

    def __init__(self, timeout: float = 15):
        self.base = os.environ.get("HEYGEN_BASE", "https://api.heygen.com")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"]})

    def call(self, method: str, path: str, body: dict | None = None):
        resp = self.http.request(method, self.base + path, json=body, timeout=self.timeout)
        if not resp.ok:
            raise HeyGenError(resp.status_code, resp.text[:300])
        return resp.json()["data"]
