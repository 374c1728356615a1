"""Async port of the @heygen/streaming-avatar flow for a Python backend.

    async with StreamingAvatar(api_key) as avatar:
        room = await avatar.create_start_avatar(avatar_id)
        await avatar.speak("hello")
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from types import TracebackType
from typing import Optional, Type

import httpx

DEFAULT_BASE = "https://api.heygen.com/v1"


@dataclass(frozen=True)
class Room:
    session_id: str
    url: str
    access_token: str


class StreamingAvatarError(RuntimeError):
    pass


class StreamingAvatar:
    def __init__(self, api_key: str | None = None, base_url: str = DEFAULT_BASE, timeout: float = 30.0):
        self._api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self._base_url = base_url
        self._timeout = timeout
        self._client: Optional[httpx.AsyncClient] = None
        self.room: Optional[Room] = None

    async def __aenter__(self) -> "StreamingAvatar":
        self._client = httpx.AsyncClient(base_url=self._base_url, timeout=self._timeout)
        await self._authenticate()
        return self

    async def __aexit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException],
                        tb: Optional[TracebackType]) -> None:
        try:
            if self.room is not None:
                await self.stop_avatar()
        finally:
            await self._client.aclose()
            self._client = None

    async def _authenticate(self) -> None:
        """Exchange the API key for a short-lived session token, as the JS SDK does."""
        r = await self._client.post("/streaming.create_token", headers={"x-api-key": self._api_key})
        r.raise_for_status()
        token = r.json()["data"]["token"]
        # every later call is authorised with the session token
        self._client.headers.update({"Authorization": f"Bearer {token}"})

    async def _request(self, path: str, body: dict) -> dict:
        r = await self._client.post(path, json=body)
        if r.status_code >= 400:
            raise StreamingAvatarError(f"{path} failed with {r.status_code}: {r.text}")
        return r.json()

    async def create_start_avatar(self, avatar_name: str, quality: str = "low",
                                  knowledge_id: str | None = None) -> Room:
        body = {"avatar_name": avatar_name, "quality": quality, "version": "v2", "video_encoding": "H264"}
        if knowledge_id:
            body["knowledge_id"] = knowledge_id
        data = (await self._request("/streaming.new", body))["data"]
        await self._request("/streaming.start", {"session_id": data["session_id"]})
        self.room = Room(data["session_id"], data["url"], data["access_token"])
        return self.room

    async def speak(self, text: str, task_type: str = "repeat") -> None:
        await self._request("/streaming.task", {"session_id": self.room.session_id, "text": text,
                                                "task_type": task_type, "task_mode": "async"})

    async def interrupt(self) -> None:
        await self._request("/streaming.interrupt", {"session_id": self.room.session_id})

    async def start_voice_chat(self) -> None:
        await self._request("/streaming.start_listening", {"session_id": self.room.session_id})

    async def stop_avatar(self) -> None:
        await self._request("/streaming.stop", {"session_id": self.room.session_id})
        self.room = None
