"""The virtual news anchor: one HeyGen streaming session per broadcast."""
from __future__ import annotations

import logging
from typing import NamedTuple

import httpx
from pydantic import BaseModel

from retrykit import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_fixed

from .settings import Settings

log = logging.getLogger(__name__)

TRANSIENT = (httpx.TransportError, httpx.HTTPStatusError)


class SessionInfo(BaseModel):
    session_id: str
    url: str
    access_token: str


class ViewerGrant(NamedTuple):
    server: str
    token: str


def make_client(settings: Settings) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=f"{settings.api_base}/v1/",
        headers={"X-Api-Key": settings.api_key},
        timeout=settings.timeout,
    )


def _retrying() -> AsyncRetrying:
    return AsyncRetrying(stop=stop_after_attempt(3), wait=wait_fixed(0.05), retry=retry_if_exception_type(*TRANSIENT))


class Anchor:
    def __init__(self, client: httpx.AsyncClient, settings: Settings) -> None:
        self._client = client
        self._settings = settings
        self.info: SessionInfo | None = None

    async def go_live(self) -> ViewerGrant:
        async for attempt in _retrying():
            with attempt:
                resp = await self._client.post(
                    "streaming.new",
                    json={"avatar_id": self._settings.avatar_id, "quality": "high", "version": "v2"},
                )
                resp.raise_for_status()
        self.info = SessionInfo.model_validate(resp.json()["data"])
        async for attempt in _retrying():
            with attempt:
                started = await self._client.post("streaming.start", json={"session_id": self.info.session_id})
                started.raise_for_status()
        log.info("on air: %s", self.info.session_id)
        return ViewerGrant(server=self.info.url, token=self.info.access_token)

    async def read(self, bulletin: str) -> None:
        assert self.info is not None, "not live"
        async for attempt in _retrying():
            with attempt:
                resp = await self._client.post(
                    "streaming.task",
                    json={"session_id": self.info.session_id, "text": bulletin, "task_type": "repeat"},
                )
                resp.raise_for_status()

    async def breaking_news(self) -> None:
        assert self.info is not None
        resp = await self._client.post("streaming.interrupt", json={"session_id": self.info.session_id})
        resp.raise_for_status()

    async def sign_off(self) -> None:
        if self.info is None:
            return
        async for attempt in _retrying():
            with attempt:
                resp = await self._client.post("streaming.stop", json={"session_id": self.info.session_id})
                resp.raise_for_status()
        self.info = None
