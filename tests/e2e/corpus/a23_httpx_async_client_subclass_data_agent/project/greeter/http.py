"""An httpx.AsyncClient that speaks the avatar API's envelope: it returns ``data`` or raises."""
from __future__ import annotations

import os
from typing import Any

import httpx


class AvatarAPIError(RuntimeError):
    def __init__(self, code: Any, message: str) -> None:
        super().__init__(f"avatar API error {code}: {message}")
        self.code = code


class EnvelopeClient(httpx.AsyncClient):
    def __init__(self, **kwargs: Any) -> None:
        base = os.environ.get("GREETER_AVATAR_BASE", "https://api.heygen.com/v1/")
        headers = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), **kwargs.pop("headers", {})}
        super().__init__(base_url=base, headers=headers, timeout=kwargs.pop("timeout", 20), **kwargs)

    async def request(self, method: str, url: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        resp = await super().request(method, url, **kwargs)
        resp.raise_for_status()
        body = resp.json()
        if body.get("code", 100) != 100:
            raise AvatarAPIError(body.get("code"), body.get("message", ""))
        return body.get("data")
