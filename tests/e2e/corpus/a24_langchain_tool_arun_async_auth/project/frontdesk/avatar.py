"""The front-desk avatar: one interactive session per kiosk, shared by the agent's tools."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import httpx

from .auth import AvatarKeyAuth

API = "https://api.heygen.com/v1"


@dataclass
class Room:
    session_id: str
    url: str
    token: str


class FrontDeskAvatar:
    def __init__(self) -> None:
        self._auth = AvatarKeyAuth()
        self._aclient: httpx.AsyncClient | None = None
        self.room: Room | None = None

    @property
    def aclient(self) -> httpx.AsyncClient:
        if self._aclient is None or self._aclient.is_closed:
            self._aclient = httpx.AsyncClient(auth=self._auth, timeout=httpx.Timeout(20.0))
        return self._aclient

    def _sync_post(self, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
        # Used by the synchronous tool path (LangChain calls `_run` from worker threads).
        with httpx.Client(auth=self._auth, timeout=20.0) as client:
            r = client.post(f"{API}/{endpoint}", json=body)
        r.raise_for_status()
        return r.json()

    async def _post(self, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
        r = await self.aclient.post(f"{API}/{endpoint}", json=body)
        r.raise_for_status()
        return r.json()

    async def open(self) -> Room:
        body = {
            "avatar_id": os.environ.get("DESK_AVATAR_ID", "Wayne_20240711"),
            "knowledge_base_id": os.environ.get("DESK_KB_ID"),
            "quality": "medium",
            "version": "v2",
        }
        resp = await self._post("streaming.new", body)
        data = resp["data"]
        self.room = Room(data["session_id"], data["url"], data["access_token"])
        await self._post("streaming.start", {"session_id": self.room.session_id})
        return self.room

    async def answer(self, question: str) -> None:
        assert self.room is not None
        await self._post("streaming.task", {"session_id": self.room.session_id, "text": question, "task_type": "chat"})

    async def recite(self, text: str) -> None:
        assert self.room is not None
        await self._post("streaming.task", {"session_id": self.room.session_id, "text": text, "task_type": "repeat"})

    def keep_alive(self) -> None:
        assert self.room is not None
        self._sync_post("streaming.keep_alive", {"session_id": self.room.session_id})

    async def close(self) -> None:
        if self.room is not None:
            await self._post("streaming.stop", {"session_id": self.room.session_id})
            self.room = None
        if self._aclient is not None:
            await self._aclient.aclose()
