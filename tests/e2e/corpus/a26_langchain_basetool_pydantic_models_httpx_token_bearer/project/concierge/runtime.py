from __future__ import annotations

import os
from typing import Optional

import httpx
from pydantic import BaseModel


class StreamingSession(BaseModel):
    session_id: str
    url: str
    access_token: str
    session_duration_limit: Optional[int] = None


class TaskAck(BaseModel):
    duration_ms: float = 0
    task_id: Optional[str] = None


class AvatarRuntime:
    """Owns the HTTP client and the one live avatar session of this agent."""

    def __init__(self, api_key: str | None = None) -> None:
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.http = httpx.AsyncClient(base_url="https://api.heygen.com", timeout=30.0)
        self.token: str | None = None
        self.session: StreamingSession | None = None

    def _auth(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    async def _token(self) -> None:
        r = await self.http.post("/v1/streaming.create_token", headers={"X-Api-Key": self.api_key})
        r.raise_for_status()
        self.token = r.json()["data"]["token"]

    async def open(self, avatar_id: str, knowledge_base_id: str | None) -> StreamingSession:
        if self.token is None:
            await self._token()
        body = {"avatar_id": avatar_id, "version": "v2", "knowledge_base_id": knowledge_base_id}
        r = await self.http.post("/v1/streaming.new", json=body, headers=self._auth())
        r.raise_for_status()
        self.session = StreamingSession.model_validate(r.json()["data"])
        r = await self.http.post("/v1/streaming.start", json={"session_id": self.session.session_id}, headers=self._auth())
        r.raise_for_status()
        return self.session

    async def task(self, text: str, task_type: str) -> TaskAck:
        r = await self.http.post(
            "/v1/streaming.task",
            json={"session_id": self.session.session_id, "text": text, "task_type": task_type},
            headers=self._auth(),
        )
        r.raise_for_status()
        return TaskAck(**r.json()["data"])

    async def close(self) -> None:
        if self.session is not None:
            r = await self.http.post("/v1/streaming.stop", json={"session_id": self.session.session_id}, headers=self._auth())
            r.raise_for_status()
            self.session = None
        await self.http.aclose()
