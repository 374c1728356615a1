"""Async helpers around HeyGen's streaming avatar sessions."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

import aiohttp

log = logging.getLogger(__name__)

BASE = "https://api.heygen.com/v1"


class AvatarHandle:
    def __init__(self, http: aiohttp.ClientSession, session_id: str, url: str, access_token: str) -> None:
        self._http = http
        self.session_id = session_id
        self.url = url
        self.access_token = access_token

    async def _post(self, endpoint: str, **extra) -> dict:
        async with self._http.post(f"{BASE}/{endpoint}", json={"session_id": self.session_id, **extra}) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def say(self, text: str) -> None:
        await self._post("streaming.task", text=text, task_type="repeat")

    async def ask(self, question: str) -> None:
        await self._post("streaming.task", text=question, task_type="chat")

    async def listen(self) -> None:
        await self._post("streaming.start_listening")

    async def ping(self) -> None:
        await self._post("streaming.keep_alive")


@asynccontextmanager
async def avatar_session(
    http: aiohttp.ClientSession,
    avatar_id: str,
    knowledge_base_id: str | None = None,
) -> AsyncIterator[AvatarHandle]:
    payload = {"avatar_id": avatar_id, "quality": "high", "version": "v2"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    async with http.post(f"{BASE}/streaming.new", json=payload) as resp:
        resp.raise_for_status()
        data = (await resp.json())["data"]
    handle = AvatarHandle(http, data["session_id"], data["url"], data["access_token"])
    async with http.post(f"{BASE}/streaming.start", json={"session_id": handle.session_id}) as resp:
        resp.raise_for_status()
    log.info("avatar session %s started", handle.session_id)
    try:
        yield handle
    finally:
        async with http.post(f"{BASE}/streaming.stop", json={"session_id": handle.session_id}) as resp:
            if resp.status != 200:
                log.warning("stop failed: %s", await resp.text())
