"""Resources of the SDK; each one is handed the shared transport."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .transport import Transport


@dataclass
class Room:
    session_id: str
    url: str
    access_token: str


class Sessions:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    async def create(self, avatar_id: str, *, quality: str = "medium", voice_id: str | None = None) -> Room:
        payload: dict[str, Any] = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if voice_id:
            payload["voice"] = {"voice_id": voice_id}
        data = (await self._t.post("streaming.new", payload))["data"]
        await self._t.post("streaming.start", {"session_id": data["session_id"]})
        return Room(data["session_id"], data["url"], data["access_token"])

    async def keep_alive(self, session_id: str) -> None:
        await self._t.post("streaming.keep_alive", {"session_id": session_id})

    async def close(self, session_id: str) -> None:
        await self._t.post("streaming.stop", {"session_id": session_id})


class Speech:
    def __init__(self, transport: Transport) -> None:
        self._t = transport

    async def say(self, session_id: str, text: str) -> None:
        await self._t.post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    async def interrupt(self, session_id: str) -> None:
        await self._t.post("streaming.interrupt", {"session_id": session_id})
