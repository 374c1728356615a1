"""Minimal async client for the HeyGen streaming avatar."""
import os

import httpx

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com/v1")


class StreamingAvatar:
    def __init__(self, api_key: str | None = None, avatar_id: str | None = None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.getenv("NARRATOR_AVATAR", "Anna_public_3_20240108")
        self.token: str | None = None
        self.session_id: str | None = None

    async def _post(self, path: str, body: dict, token: str | None = None) -> dict:
        if token:
            headers = {"Authorization": f"Bearer {token}"}
        else:
            headers = {"x-api-key": self.api_key}
        async with httpx.AsyncClient(timeout=30.0) as client:
            r = await client.post(f"{HEYGEN_BASE}{path}", json=body, headers=headers)
            r.raise_for_status()
            return r.json()

    async def open(self) -> tuple[str, str]:
        body = await self._post("/streaming.create_token", {})
        self.token = body["data"]["token"]
        body = await self._post(
            "/streaming.new",
            {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"},
            token=self.token,
        )
        data = body["data"]
        self.session_id = data["session_id"]
        await self._post("/streaming.start", {"session_id": self.session_id}, token=self.token)
        return data["url"], data["access_token"]

    async def speak(self, text: str) -> None:
        await self._post(
            "/streaming.task",
            {"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "async"},
            token=self.token,
        )

    async def close(self) -> None:
        if self.session_id:
            await self._post("/streaming.stop", {"session_id": self.session_id}, token=self.token)
            self.session_id = None
