import os

import httpx

from .endpoints import Streaming


class TokenService:
    def __init__(self):
        self._key = os.environ["HEYGEN_API_KEY"]

    def issue(self) -> str:
        r = httpx.post(Streaming.TOKEN, headers={"x-api-key": self._key}, timeout=10)
        r.raise_for_status()
        return r.json()["data"]["token"]
