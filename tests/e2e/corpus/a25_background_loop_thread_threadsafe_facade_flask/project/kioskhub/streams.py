from __future__ import annotations

import os
from typing import TypedDict

import aiohttp

HEYGEN_URL = os.environ.get("HEYGEN_URL", "https://api.heygen.com")


class KioskSession(TypedDict):
    session_id: str
    url: str
    access_token: str


class HeyGenStreams:
    def __init__(self) -> None:
        self._http: aiohttp.ClientSession | None = None

    @property
    def headers(self) -> dict[str, str]:
        return {"X-API-KEY": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}

    async def _client(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(headers=self.headers)
        return self._http

    async def open(self, avatar_id: str) -> KioskSession:
        http = await self._client()
        async with http.post(
            HEYGEN_URL + "/v1/streaming.new",
            json={"avatar_id": avatar_id, "quality": "low", "version": "v2"},
        ) as resp:
            data = (await resp.json())["data"]
        async with http.post(HEYGEN_URL + "/v1/streaming.start", json={"session_id": data["session_id"]}) as resp:
            if resp.status != 200:
                raise RuntimeError(await resp.text())
        return KioskSession(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])

    async def say(self, session_id: str, text: str, task_type: str = "repeat") -> None:
        http = await self._client()
        async with http.post(
            HEYGEN_URL + "/v1/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": task_type},
        ) as resp:
            resp.raise_for_status()

    async def stop(self, session_id: str) -> None:
        http = await self._client()
        async with http.post(HEYGEN_URL + "/v1/streaming.stop", json={"session_id": session_id}) as resp:
            resp.raise_for_status()

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.close()
