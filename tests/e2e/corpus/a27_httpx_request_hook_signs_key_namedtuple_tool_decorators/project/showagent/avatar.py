import asyncio
import logging
import os
from typing import NamedTuple

import httpx

log = logging.getLogger(__name__)

HEYGEN_URL = "https://api.heygen.com"


class Session(NamedTuple):
    session_id: str
    url: str
    access_token: str


class AvatarError(RuntimeError):
    pass


class BoothAvatar:
    def __init__(self, api_key=None):
        self._key = api_key or os.environ["HEYGEN_API_KEY"]
        self._client = httpx.AsyncClient(
            base_url=HEYGEN_URL,
            timeout=20,
            event_hooks={"request": [self._sign], "response": [self._check]},
        )
        self._speaking = asyncio.Semaphore(1)
        self.session: Session | None = None

    async def _sign(self, request: httpx.Request) -> None:
        request.headers["X-Api-Key"] = self._key

    async def _check(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            await response.aread()
            raise AvatarError(f"{response.request.url}: {response.status_code} {response.text}")

    async def open(self, avatar_id: str) -> Session:
        resp = await self._client.post(
            "/v1/streaming.new", json={"avatar_id": avatar_id, "quality": "high", "version": "v2"}
        )
        data = resp.json()["data"]
        self.session = Session(**{k: data[k] for k in Session._fields})
        await self._client.post("/v1/streaming.start", json={"session_id": self.session.session_id})
        return self.session

    async def say(self, text: str) -> None:
        async with self._speaking:
            await self._client.post(
                "/v1/streaming.task",
                json={"session_id": self.session.session_id, "text": text, "task_type": "repeat"},
            )

    async def interrupt(self) -> None:
        await self._client.post("/v1/streaming.interrupt", json={"session_id": self.session.session_id})

    async def close(self) -> None:
        if self.session is not None:
            await self._client.post("/v1/streaming.stop", json={"session_id": self.session.session_id})
            self.session = None
        await self._client.aclose()
