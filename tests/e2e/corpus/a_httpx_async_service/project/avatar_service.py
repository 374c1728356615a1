import logging
import os
from typing import Optional

import httpx
from pydantic import BaseModel

logger = logging.getLogger(__name__)

BASE_URL = "https://api.heygen.com"


class StreamingSession(BaseModel):
    session_id: str
    url: str
    access_token: str


class AsyncAvatarService:
    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None):
        self.avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
        self.client = httpx.AsyncClient(
            base_url=BASE_URL,
            headers={"x-api-key": api_key or os.getenv("HEYGEN_API_KEY", ""), "accept": "application/json"},
            timeout=httpx.Timeout(30.0),
        )
        self.knowledge_base_id = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")
        self.session: Optional[StreamingSession] = None

    async def start_session(self, quality: str = "high") -> StreamingSession:
        payload = {"avatar_id": self.avatar_id, "quality": quality, "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        resp = await self.client.post("/v1/streaming.new", json=payload)
        resp.raise_for_status()
        self.session = StreamingSession.model_validate(resp.json()["data"])
        started = await self.client.post("/v1/streaming.start", json={"session_id": self.session.session_id})
        started.raise_for_status()
        logger.info("session %s started", self.session.session_id)
        return self.session

    async def speak(self, text: str, task_type: str = "talk") -> float:
        if self.session is None:
            raise RuntimeError("no active session")
        resp = await self.client.post("/v1/streaming.task", json={
            "session_id": self.session.session_id,
            "text": text,
            "task_type": task_type,
        })
        resp.raise_for_status()
        return resp.json()["data"].get("duration_ms", 0.0)

    async def interrupt(self) -> None:
        if self.session:
            await self.client.post("/v1/streaming.interrupt", json={"session_id": self.session.session_id})

    async def stop(self) -> None:
        if self.session is None:
            return
        resp = await self.client.post("/v1/streaming.stop", json={"session_id": self.session.session_id})
        if resp.status_code != 200:
            logger.warning("stop failed: %s", resp.text)
        self.session = None

    async def aclose(self) -> None:
        await self.client.aclose()
