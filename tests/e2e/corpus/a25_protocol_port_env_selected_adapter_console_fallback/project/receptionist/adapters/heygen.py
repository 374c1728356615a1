from __future__ import annotations

import os
from urllib.parse import urljoin

import aiohttp

from ..ports import RoomGrant

API_ROOT = "https://api.heygen.com/v1/"
NEW = urljoin(API_ROOT, "streaming.new")
START = urljoin(API_ROOT, "streaming.start")
TASK = urljoin(API_ROOT, "streaming.task")
INTERRUPT = urljoin(API_ROOT, "streaming.interrupt")
STOP = urljoin(API_ROOT, "streaming.stop")


class HeyGenAvatar:
    def __init__(self, avatar_id: str, api_key: str) -> None:
        self.avatar_id = avatar_id
        self._headers = {"x-api-key": api_key}
        self._session_id: str | None = None

    async def _post(self, url: str, body: dict) -> dict:
        async with aiohttp.ClientSession(headers=self._headers) as s:
            async with s.post(url, json=body) as r:
                r.raise_for_status()
                return await r.json()

    async def open(self) -> RoomGrant:
        data = (await self._post(NEW, {"avatar_id": self.avatar_id, "version": "v2"}))["data"]
        self._session_id = data["session_id"]
        await self._post(START, {"session_id": self._session_id})
        return RoomGrant(data["url"], data["access_token"])

    async def say(self, text: str) -> None:
        await self._post(TASK, {"session_id": self._session_id, "text": text, "task_type": "repeat"})

    async def interrupt(self) -> None:
        await self._post(INTERRUPT, {"session_id": self._session_id})

    async def close(self) -> None:
        if self._session_id:
            await self._post(STOP, {"session_id": self._session_id})
            self._session_id = None


def from_env() -> HeyGenAvatar:
    return HeyGenAvatar(os.environ.get("RECEPTION_AVATAR", "Anna_public_3_20240108"), os.environ["HEYGEN_API_KEY"])
