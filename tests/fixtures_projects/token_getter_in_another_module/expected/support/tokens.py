"""The streaming token, fetched once and shared by every call of the client."""
from __future__ import annotations

import asyncio

import aiohttp

API = "https://api.liveavatar.com/v1"


class TokenProvider:
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self._http = http
        self._token: str | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if self._token is None:
                # LiveAvatar has no token before the session: the token call (formerly streaming.new) sends the API key and returns the session token. This placeholder is sent nowhere.
                self._token = "no-token-before-session"
        return self._token
