"""HeyGen Interactive Avatar (Streaming API) provider."""
from __future__ import annotations

import logging
from typing import Any

import httpx

from ..settings import Settings
from .base import AvatarProvider, AvatarSession, ProviderError

log = logging.getLogger(__name__)


class HeyGenProvider(AvatarProvider):
    def __init__(self, client: httpx.AsyncClient, settings: Settings) -> None:
        self._client = client
        self._settings = settings
        self._base = settings.heygen_api_base.rstrip("/")

    @property
    def _headers(self) -> dict[str, str]:
        return {"X-Api-Key": self._settings.heygen_api_key, "Content-Type": "application/json"}

    async def _post(self, endpoint: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = await self._client.post(
            f"{self._base}/{endpoint}",
            json=payload,
            headers=self._headers,
            timeout=self._settings.request_timeout,
        )
        if resp.status_code != 200:
            raise ProviderError(f"HeyGen {endpoint} failed: {resp.status_code} {resp.text}")
        body = resp.json()
        return body.get("data") or {}

    async def open_session(self) -> AvatarSession:
        payload: dict[str, Any] = {
            "avatar_id": self._settings.avatar_id,
            "quality": self._settings.quality,
            "version": "v2",
            "video_encoding": "VP8",
        }
        if self._settings.knowledge_base_id:
            payload["knowledge_base_id"] = self._settings.knowledge_base_id
        data = await self._post("streaming.new", payload)
        session_id = data["session_id"]
        await self._post("streaming.start", {"session_id": session_id})
        log.info("heygen session %s started", session_id)
        return AvatarSession(session_id=session_id, room_url=data["url"], room_token=data["access_token"])

    async def speak(self, session_id: str, text: str, task_type: str = "repeat") -> str:
        data = await self._post(
            "streaming.task",
            {"session_id": session_id, "text": text, "task_type": task_type},
        )
        return data.get("task_id", "")

    async def interrupt(self, session_id: str) -> None:
        await self._post("streaming.interrupt", {"session_id": session_id})

    async def close_session(self, session_id: str) -> None:
        await self._post("streaming.stop", {"session_id": session_id})
        log.info("heygen session %s closed", session_id)
