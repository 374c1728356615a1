from __future__ import annotations

import os
from typing import TypedDict, cast

import aiohttp


class NewSession(TypedDict):
    session_id: str
    url: str
    access_token: str


class TaskResult(TypedDict, total=False):
    task_id: str
    duration_ms: float


class AvatarClient:
    def __init__(self, avatar_id: str | None = None) -> None:
        self.avatar_id = avatar_id or os.environ["HELPDESK_AVATAR"]
        self._http: aiohttp.ClientSession | None = None
        self.session: NewSession | None = None

    async def __aenter__(self) -> "AvatarClient":
        self._http = aiohttp.ClientSession(base_url="https://api.heygen.com", raise_for_status=True)
        async with self._http.post(
            "/v1/streaming.create_token", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
        ) as resp:
            token = (await resp.json())["data"]["token"]
        self._http.headers["Authorization"] = f"Bearer {token}"
        async with self._http.post(
            "/v1/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2", "quality": "high"}
        ) as resp:
            payload = await resp.json()
        self.session = cast(NewSession, payload["data"])
        async with self._http.post("/v1/streaming.start", json={"session_id": self.session["session_id"]}):
            pass
        return self

    async def __aexit__(self, *exc) -> None:
        try:
            if self.session is not None:
                async with self._http.post("/v1/streaming.stop", json={"session_id": self.session["session_id"]}):
                    pass
        finally:
            await self._http.close()

    async def speak(self, text: str) -> TaskResult:
        async with self._http.post(
            "/v1/streaming.task", json={"session_id": self.session["session_id"], "text": text}
        ) as resp:
            return cast(TaskResult, (await resp.json())["data"])

    async def interrupt(self) -> None:
        async with self._http.post("/v1/streaming.interrupt", json={"session_id": self.session["session_id"]}):
            pass
