"""Kernel plugin: the hotel concierge's streaming avatar."""
from __future__ import annotations

import json
import os
from typing import Annotated, Any

import aiohttp

from sk_lite import kernel_function

STREAMING_ENDPOINT = "https://api.heygen.com/v1/streaming.{}"


class AvatarPlugin:
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self._http = http
        self._session_id: str | None = None

    async def _streaming(self, action: str, **payload: Any) -> dict[str, Any]:
        async with self._http.post(
            STREAMING_ENDPOINT.format(action),
            json=payload,
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        ) as resp:
            body = await resp.json()
        if body.get("code") != 100:
            raise RuntimeError(f"streaming.{action} failed: {body.get('message')}")
        return body["data"]

    @kernel_function(name="open", description="Open the concierge avatar; returns the viewer room as JSON.")
    async def open(self, avatar: Annotated[str, "avatar id"] = "") -> str:
        data = await self._streaming("new", avatar_id=avatar or os.environ.get("CONCIERGE_AVATAR", "Wayne_20240711"), version="v2")
        self._session_id = data["session_id"]
        await self._streaming("start", session_id=self._session_id)
        return json.dumps({"url": data["url"], "token": data["access_token"]})

    @kernel_function(name="say", description="Say a sentence word for word.")
    async def say(self, text: Annotated[str, "what to say"]) -> str:
        await self._streaming("task", session_id=self._session_id, text=text, task_type="repeat")
        return "said"

    @kernel_function(name="keep_alive", description="Keep the session from timing out.")
    async def keep_alive(self) -> str:
        await self._streaming("keep_alive", session_id=self._session_id)
        return "alive"

    @kernel_function(name="close", description="Close the avatar.")
    async def close(self) -> str:
        await self._streaming("stop", session_id=self._session_id)
        self._session_id = None
        return "closed"
