from __future__ import annotations

import os
from typing import Any

import httpx

from .commands import Command


class GatewayError(RuntimeError):
    pass


class AvatarGateway:
    def __init__(self, api_key: str | None = None) -> None:
        self._http = httpx.AsyncClient(
            base_url="https://api.heygen.com",
            headers={"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=20,
        )

    async def execute(self, command: Command) -> dict[str, Any]:
        resp = await self._http.post(command.path, json=command.payload())
        resp.raise_for_status()
        body = resp.json()
        if body.get("code") != 100:
            raise GatewayError(f"{type(command).__name__}: {body.get('message')}")
        return body.get("data") or {}

    async def aclose(self) -> None:
        await self._http.aclose()
