"""httpx auth: every request to the avatar API carries the account key."""
from __future__ import annotations

import os
from collections.abc import Generator

import httpx


class AvatarKeyAuth(httpx.Auth):
    requires_request_body = False

    def __init__(self, api_key: str | None = None) -> None:
        self._key = api_key or os.environ["HEYGEN_API_KEY"]

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Api-Key"] = self._key
        yield request
