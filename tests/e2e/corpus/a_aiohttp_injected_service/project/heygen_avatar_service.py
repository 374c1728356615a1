"""HeyGen avatar service for our voice-agent pipeline."""
import asyncio
import logging
import os
from typing import Optional

import aiohttp

logger = logging.getLogger(__name__)


class HeyGenAvatarService:
    api_url = "https://api.heygen.com/v1"

    def __init__(self, session: aiohttp.ClientSession, api_key: str, avatar_name: str,
                 knowledge_base_id: Optional[str] = None, voice_id: Optional[str] = None,
                 language: Optional[str] = None):
        self._session = session
        self._api_key = api_key
        self.avatar_name = avatar_name
        self.knowledge_base_id = knowledge_base_id
        self.voice_id = voice_id
        self.language = language
        self.session_id: Optional[str] = None
        self.realtime_endpoint: Optional[str] = None

    @classmethod
    def from_env(cls, session: aiohttp.ClientSession) -> "HeyGenAvatarService":
        return cls(
            session,
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_name=os.getenv("HEYGEN_AVATAR_NAME", "Anna_public_3_20240108"),
            knowledge_base_id=os.getenv("HEYGEN_KNOWLEDGE_BASE_ID"),
            voice_id=os.getenv("HEYGEN_VOICE_ID"),
            language=os.getenv("HEYGEN_LANGUAGE"),
        )

    def _headers(self):
        return {"X-Api-Key": self._api_key, "Content-Type": "application/json"}

    async def _post(self, endpoint: str, payload: dict) -> dict:
        async with self._session.post(f"{self.api_url}/{endpoint}", json=payload,
                                      headers=self._headers()) as r:
            r.raise_for_status()
            return await r.json()

    async def start(self) -> dict:
        body = {"avatar_id": self.avatar_name, "version": "v2", "quality": "medium"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        if self.voice_id:
            body["voice"] = {"voice_id": self.voice_id, "rate": 1.0}
        if self.language:
            body["language"] = self.language
        data = (await self._post("streaming.new", body))["data"]
        self.session_id = data["session_id"]
        self.realtime_endpoint = data.get("realtime_endpoint")
        await self._post("streaming.start", {"session_id": self.session_id})
        logger.info("HeyGen session %s ready", self.session_id)
        return {"url": data["url"], "access_token": data["access_token"]}

    async def say(self, text: str, task_type: str = "chat") -> None:
        await self._post("streaming.task", {
            "session_id": self.session_id, "text": text, "task_type": task_type, "task_mode": "sync",
        })

    async def keep_alive(self, times: int = 1, every: float = 0.05) -> None:
        for i in range(times):
            await self._post("streaming.keep_alive", {"session_id": self.session_id})
            if i + 1 < times:
                await asyncio.sleep(every)

    async def stop(self) -> None:
        if self.session_id is None:
            return
        await self._post("streaming.stop", {"session_id": self.session_id})
        self.session_id = None
