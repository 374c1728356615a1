"""HeyGen streaming avatar as an output of the agent session.

The avatar lives in HeyGen's own LiveKit room; the frontend reads where to find it from our
agent participant's attributes.
"""
from __future__ import annotations

import logging
import os

import httpx

logger = logging.getLogger("frontdesk.avatar")


class HeyGenError(RuntimeError):
    pass


class HeyGenAvatarOutput:
    API = "https://api.heygen.com/v1"

    def __init__(self, avatar_id: str | None = None, *, api_key: str | None = None, timeout: float = 20.0) -> None:
        self.avatar_id = avatar_id or os.environ.get("FRONTDESK_AVATAR", "Anna_public_3_20240108")
        self._api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self._timeout = timeout
        self._token: str | None = None
        self.session_id: str | None = None

    def _auth(self) -> dict[str, str]:
        if self._token is None:
            raise HeyGenError("no streaming token yet")
        return {"Authorization": f"Bearer {self._token}"}

    async def _fetch_token(self) -> None:
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            resp = await client.post(f"{self.API}/streaming.create_token", headers={"x-api-key": self._api_key})
        if resp.status_code != 200:
            raise HeyGenError(f"create_token failed: {resp.status_code}")
        self._token = resp.json()["data"]["token"]

    async def start(self) -> tuple[str, str]:
        await self._fetch_token()
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            resp = await client.post(
                f"{self.API}/streaming.new",
                headers=self._auth(),
                json={"avatar_id": self.avatar_id, "quality": "medium", "version": "v2", "disable_idle_timeout": False},
            )
            resp.raise_for_status()
            session = resp.json()["data"]
            self.session_id = session["session_id"]
            resp = await client.post(
                f"{self.API}/streaming.start", headers=self._auth(), json={"session_id": self.session_id}
            )
            resp.raise_for_status()
        logger.info("avatar session %s started", self.session_id)
        return session["url"], session["access_token"]

    async def on_text(self, text: str, *, allow_interruptions: bool) -> None:
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            resp = await client.post(
                f"{self.API}/streaming.task",
                headers=self._auth(),
                json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            )
        if resp.is_error:
            raise HeyGenError(resp.text)

    async def on_interrupt(self) -> None:
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            await client.post(
                f"{self.API}/streaming.interrupt", headers=self._auth(), json={"session_id": self.session_id}
            )

    async def aclose(self) -> None:
        if self.session_id is None:
            return
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            await client.post(f"{self.API}/streaming.stop", headers=self._auth(), json={"session_id": self.session_id})
        self.session_id = None
