"""HeyGen streaming avatar used by the concierge agent.

The agent answers guests through HeyGen's built-in LLM (task_type "talk"), grounded in
the hotel knowledge base configured in the HeyGen dashboard.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Optional

import aiohttp

from .settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class RoomInfo:
    session_id: str
    url: str
    access_token: str


class HeyGenAvatar:
    def __init__(self, http: aiohttp.ClientSession, settings: Settings):
        self._http = http
        self._settings = settings
        self._base = settings.heygen_base_url.rstrip("/")
        self._session_id: Optional[str] = None

    @property
    def headers(self) -> dict:
        return {"x-api-key": self._settings.heygen_api_key, "accept": "application/json"}

    async def open(self) -> RoomInfo:
        body = {
            "avatar_id": self._settings.avatar_id,
            "quality": self._settings.quality,
            "voice": {"voice_id": self._settings.voice_id, "rate": 1.0, "emotion": "Friendly"},
            "version": "v2",
            "video_encoding": "VP8",
        }
        if self._settings.knowledge_base_id:
            body["knowledge_base_id"] = self._settings.knowledge_base_id
        async with self._http.post(
            f"{self._base}/v1/streaming.new", json=body, headers=self.headers
        ) as r:
            r.raise_for_status()
            payload = await r.json()
        data = payload["data"]
        self._session_id = data["session_id"]
        logger.info("heygen session %s", self._session_id)

        # fire the start; HeyGen answers with an empty envelope we do not need
        await self._http.post(
            f"{self._base}/v1/streaming.start",
            json={"session_id": self._session_id},
            headers=self.headers,
        )
        return RoomInfo(data["session_id"], data["url"], data["access_token"])

    async def respond(self, text: str, task_type: str = "talk") -> dict:
        async with self._http.post(
            f"{self._base}/v1/streaming.task",
            json={"session_id": self._session_id, "text": text, "task_type": task_type},
            headers=self.headers,
        ) as r:
            r.raise_for_status()
            return (await r.json()).get("data") or {}

    async def interrupt(self) -> None:
        async with self._http.post(
            f"{self._base}/v1/streaming.interrupt",
            json={"session_id": self._session_id},
            headers=self.headers,
        ) as r:
            if r.status >= 400:
                logger.warning("interrupt failed: %s", await r.text())

    async def close(self) -> None:
        if self._session_id is None:
            return
        async with self._http.post(
            f"{self._base}/v1/streaming.stop",
            json={"session_id": self._session_id},
            headers=self.headers,
        ) as r:
            r.raise_for_status()
        self._session_id = None
