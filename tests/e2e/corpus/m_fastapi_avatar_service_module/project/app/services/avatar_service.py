"""Avatar service - wraps the HeyGen streaming API.

NOTE: keep all HeyGen stuff in here so we can swap providers later
"""
import logging
import os
from typing import Any, Optional

import aiohttp

logger = logging.getLogger(__name__)

HEYGEN_API_URL = os.getenv("HEYGEN_API_URL", "https://api.heygen.com")


class AvatarService:
    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None):
        self.api_key = api_key or os.getenv("HEYGEN_API_KEY")
        self.avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
        self.voice_id = os.getenv("HEYGEN_VOICE_ID")  # optional
        self.sessions: dict[str, dict[str, Any]] = {}

    def _headers(self):
        return {"X-Api-Key": self.api_key, "Content-Type": "application/json"}

    async def create_session(self, quality: str = "medium") -> dict:
        body: dict[str, Any] = {"avatar_id": self.avatar_id, "quality": quality, "version": "v2"}
        if self.voice_id:
            body["voice"] = {"voice_id": self.voice_id, "rate": 1.0}
        async with aiohttp.ClientSession() as http:
            async with http.post(f"{HEYGEN_API_URL}/v1/streaming.new", json=body, headers=self._headers()) as resp:
                result = await resp.json()
                logger.debug("streaming.new -> %s", result)
                if resp.status != 200 or result.get("code") != 100:
                    raise RuntimeError(f"HeyGen error: {result}")
            data = result["data"]
            async with http.post(
                f"{HEYGEN_API_URL}/v1/streaming.start",
                json={"session_id": data["session_id"]},
                headers=self._headers(),
            ) as resp:
                if resp.status != 200:
                    raise RuntimeError(await resp.text())
        self.sessions[data["session_id"]] = data
        print(f"[AvatarService] session {data['session_id']} up")
        return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}

    async def speak(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        async with aiohttp.ClientSession() as http:
            async with http.post(
                f"{HEYGEN_API_URL}/v1/streaming.task",
                json={"session_id": session_id, "text": text, "task_type": task_type},
                headers=self._headers(),
            ) as resp:
                result = await resp.json()
        return result.get("data", {})

    async def interrupt(self, session_id: str) -> bool:
        try:
            async with aiohttp.ClientSession() as http:
                async with http.post(
                    f"{HEYGEN_API_URL}/v1/streaming.interrupt",
                    json={"session_id": session_id},
                    headers=self._headers(),
                ) as resp:
                    return resp.status == 200
        except Exception as e:  # noqa
            logger.error("interrupt failed: %s", e)
            return False

    async def close_session(self, session_id: str):
        async with aiohttp.ClientSession() as http:
            async with http.post(
                f"{HEYGEN_API_URL}/v1/streaming.stop",
                json={"session_id": session_id},
                headers=self._headers(),
            ) as resp:
                txt = await resp.text()
                logger.info("stop: %s", txt)
        self.sessions.pop(session_id, None)


avatar_service = AvatarService()
