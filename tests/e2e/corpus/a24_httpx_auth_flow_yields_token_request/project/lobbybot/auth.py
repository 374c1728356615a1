"""Streaming auth as an httpx auth flow (the pattern from httpx's docs, "auth flows that
require a request"): the first request fetches a session token, every request carries it."""
from __future__ import annotations

import os
from collections.abc import Generator

import httpx

TOKEN_URL = "https://api.heygen.com/v1/streaming.create_token"


class StreamingTokenAuth(httpx.Auth):
    requires_response_body = True

    def __init__(self, api_key: str | None = None) -> None:
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.token: str | None = None

    def build_token_request(self) -> httpx.Request:
        return httpx.Request("POST", TOKEN_URL, headers={"x-api-key": self.api_key})

    def update_token(self, response: httpx.Response) -> None:
        response.raise_for_status()
        self.token = response.json()["data"]["token"]

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.token is None:
            token_response = yield self.build_token_request()
            self.update_token(token_response)
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request
