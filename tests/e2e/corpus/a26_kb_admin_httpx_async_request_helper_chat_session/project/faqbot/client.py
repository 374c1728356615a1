from __future__ import annotations

import asyncio
import logging
from typing import Any, TypedDict

import httpx

from . import settings

log = logging.getLogger(__name__)


class Room(TypedDict):
    session_id: str
    url: str
    access_token: str


class HeyGenError(Exception):
    pass


class FaqAvatarClient:
    def __init__(self) -> None:
        self._http = httpx.AsyncClient(
            base_url=settings.API_BASE + "/",
            headers={"X-Api-Key": settings.API_KEY, "Accept": "application/json"},
            timeout=httpx.Timeout(30.0),
        )

    async def _request(self, method: str, path: str, **kw: Any) -> Any:
        resp = await self._http.request(method, path, **kw)
        if resp.status_code >= 400:
            raise HeyGenError(f"{method} {path}: {resp.status_code} {resp.text}")
        payload = resp.json()
        return payload.get("data")

    # knowledge bases -------------------------------------------------------------------
    async def create_kb(self, name: str, opening: str, prompt: str) -> dict:
        return await self._request(
            "POST", "streaming/knowledge_base/create", json={"name": name, "opening": opening, "prompt": prompt}
        )

    async def list_kbs(self) -> list[dict]:
        return await self._request("GET", "streaming/knowledge_base/list") or []

    async def update_kb(self, kb_id: str, name: str, opening: str, prompt: str) -> dict:
        return await self._request(
            "POST", f"streaming/knowledge_base/{kb_id}", json={"name": name, "opening": opening, "prompt": prompt}
        )

    async def delete_kb(self, kb_id: str) -> None:
        await self._request("POST", f"streaming/knowledge_base/{kb_id}/delete")

    # sessions ----------------------------------------------------------------------------
    async def open(self, kb_id: str) -> Room:
        data = await self._request(
            "POST",
            "streaming.new",
            json={"avatar_id": settings.AVATAR, "knowledge_base_id": kb_id, "version": "v2", "language": "en"},
        )
        await self._request("POST", "streaming.start", json={"session_id": data["session_id"]})
        return Room(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])

    async def chat(self, room: Room, text: str) -> None:
        data = await self._request(
            "POST",
            "streaming.task",
            json={"session_id": room["session_id"], "text": text, "task_type": "chat", "task_mode": "sync"},
        )
        # sync mode: wait (a little) for the avatar to finish before the next question
        await asyncio.sleep(min((data or {}).get("duration_ms", 0) / 1000, 0.05))

    async def keep_alive(self, room: Room) -> None:
        await self._request("POST", "streaming.keep_alive", json={"session_id": room["session_id"]})

    async def close(self, room: Room) -> None:
        await self._request("POST", "streaming.stop", json={"session_id": room["session_id"]})

    async def aclose(self) -> None:
        await self._http.aclose()
