"""REST side: a short-lived token, then the session calls authenticated with it."""
from __future__ import annotations

import httpx

from .config import settings
from .models import RealtimeSession


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


class FaceAPI:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.token: str | None = None

    async def authenticate(self) -> str:
        r = await self.client.post(
            f"{settings.api_base}/streaming.create_token",
            headers={"x-api-key": settings.api_key},
        )
        r.raise_for_status()
        self.token = r.json()["data"]["token"]
        return self.token

    async def open(self) -> RealtimeSession:
        token = self.token or await self.authenticate()
        r = await self.client.post(
            f"{settings.api_base}/streaming.new",
            headers=bearer(token),
            json={"avatar_id": settings.avatar_id, "version": "v2", "video_encoding": "VP8"},
        )
        r.raise_for_status()
        session = RealtimeSession.from_api(r.json())
        r = await self.client.post(
            f"{settings.api_base}/streaming.start",
            headers=bearer(token),
            json={"session_id": session.session_id},
        )
        r.raise_for_status()
        return session

    async def close(self, session: RealtimeSession) -> None:
        assert self.token is not None
        r = await self.client.post(
            f"{settings.api_base}/streaming.stop",
            headers=bearer(self.token),
            json={"session_id": session.session_id},
        )
        r.raise_for_status()
