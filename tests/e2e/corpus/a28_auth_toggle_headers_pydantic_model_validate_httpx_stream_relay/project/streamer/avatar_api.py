import os

import httpx
from pydantic import BaseModel

HEYGEN_BASE = "https://api.heygen.com"
PATHS = {
    "new": "/v1/streaming.new",
    "start": "/v1/streaming.start",
    "task": "/v1/streaming.task",
    "keep_alive": "/v1/streaming.keep_alive",
    "stop": "/v1/streaming.stop",
}


class SessionCreated(BaseModel):
    session_id: str
    url: str
    access_token: str


class AvatarAPI:
    def __init__(self, api_key=None, use_bearer=None):
        self.key = api_key or os.environ["HEYGEN_API_KEY"]
        if use_bearer is None:
            use_bearer = os.getenv("HEYGEN_AUTH_MODE", "header") == "bearer"
        self.use_bearer = use_bearer
        self.client = httpx.AsyncClient(base_url=HEYGEN_BASE, timeout=30)

    def _headers(self):
        return {"Authorization": f"Bearer {self.key}"} if self.use_bearer else {"x-api-key": self.key}

    async def create(self, avatar_id) -> SessionCreated:
        resp = await self.client.post(
            PATHS["new"], json={"avatar_id": avatar_id, "version": "v2"}, headers=self._headers()
        )
        resp.raise_for_status()
        created = SessionCreated.model_validate(resp.json()["data"])
        resp = await self.client.post(PATHS["start"], json={"session_id": created.session_id}, headers=self._headers())
        resp.raise_for_status()
        return created

    async def repeat(self, session_id, text):
        resp = await self.client.post(
            PATHS["task"],
            json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "async"},
            headers=self._headers(),
        )
        resp.raise_for_status()

    async def keep_alive(self, session_id):
        resp = await self.client.post(PATHS["keep_alive"], json={"session_id": session_id}, headers=self._headers())
        resp.raise_for_status()

    async def stop(self, session_id):
        resp = await self.client.post(PATHS["stop"], json={"session_id": session_id}, headers=self._headers())
        resp.raise_for_status()

    async def aclose(self):
        await self.client.aclose()
