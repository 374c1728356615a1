import os
from typing import Optional
from urllib.parse import urljoin

import aiohttp


class AvatarService:
    """HeyGen interactive avatar used as the agent's voice and face."""

    def __init__(self, http: aiohttp.ClientSession, api_key: Optional[str] = None):
        self._http = http
        self.base_url = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1/")
        self._headers = {"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]}
        self.avatar_id = os.getenv("GUIDE_AVATAR", "Anna_public_3_20240108")
        self.knowledge_base_id = os.getenv("GUIDE_KB")

    async def _post(self, path: str, payload: dict) -> dict:
        resp = await self._http.post(urljoin(self.base_url, path), json=payload, headers=self._headers)
        resp.raise_for_status()
        data = (await resp.json()).get("data", {})
        resp.release()
        return data or {}

    async def open(self) -> dict:
        payload = {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        info = await self._post("streaming.new", payload)
        await self._post("streaming.start", {"session_id": info["session_id"]})
        return info

    async def say(self, session_id: str, text: str, task_type: str = "repeat") -> None:
        await self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    async def listen(self, session_id: str) -> None:
        await self._post("streaming.start_listening", {"session_id": session_id})

    async def close(self, session_id: str) -> None:
        await self._post("streaming.stop", {"session_id": session_id})
