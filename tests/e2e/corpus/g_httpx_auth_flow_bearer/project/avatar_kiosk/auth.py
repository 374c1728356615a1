"""httpx auth that trades the API key for a short-lived streaming token.

HeyGen recommends not sending the account API key on every streaming call: mint a session
token with ``streaming.create_token`` and send it as a Bearer token instead.
"""
from __future__ import annotations

import logging
import threading
from typing import Generator

import httpx

log = logging.getLogger(__name__)

TOKEN_URL = "https://api.heygen.com/v1/streaming.create_token"


class StreamingTokenAuth(httpx.Auth):
    """Fetch a streaming token on first use and reuse it for every request."""

    requires_response_body = False

    def __init__(self, api_key: str, timeout: float = 15.0) -> None:
        self._api_key = api_key
        self._timeout = timeout
        self._token: str | None = None
        self._lock = threading.Lock()

    def _fetch_token(self) -> str:
        with httpx.Client(timeout=self._timeout) as client:
            resp = client.post(TOKEN_URL, headers={"x-api-key": self._api_key})
            resp.raise_for_status()
            token = resp.json()["data"]["token"]
        log.debug("got a new streaming token")
        return token

    @property
    def token(self) -> str:
        with self._lock:
            if self._token is None:
                self._token = self._fetch_token()
            return self._token

    def reset(self) -> None:
        with self._lock:
            self._token = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        response = yield request
        if response.status_code == 401:
            # token expired: mint a fresh one and retry once
            self.reset()
            request.headers["Authorization"] = f"Bearer {self.token}"
            yield request
