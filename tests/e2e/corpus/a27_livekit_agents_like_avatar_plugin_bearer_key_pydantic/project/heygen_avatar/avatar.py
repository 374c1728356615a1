"""HeyGen streaming avatar plugin for voice_agents (livekit-agents style)."""

from __future__ import annotations

import asyncio
import logging
import os

import aiohttp

from .models import NewSessionResponse

logger = logging.getLogger("heygen_avatar")

API_URL = os.getenv("HEYGEN_API_URL", "https://api.heygen.com/v1")
API_STREAM_NEW = f"{API_URL}/streaming.new"
API_STREAM_START = f"{API_URL}/streaming.start"
API_STREAM_TASK = f"{API_URL}/streaming.task"
API_STREAM_STOP = f"{API_URL}/streaming.stop"


class HeyGenException(Exception):
    pass


class AvatarSession:
    def __init__(self, *, avatar_id: str, api_key: str | None = None, quality: str = "medium",
                 http_session: aiohttp.ClientSession | None = None) -> None:
        self._avatar_id = avatar_id
        self._api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self._quality = quality
        self._http = http_session
        self._owns_http = http_session is None
        self._info = None
        self._lock = asyncio.Lock()
        self._pending: set[asyncio.Future] = set()

    @property
    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self._api_key}", "Content-Type": "application/json"}

    def _ensure_http(self) -> aiohttp.ClientSession:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return self._http

    async def _post(self, url: str, payload: dict) -> dict:
        async with self._ensure_http().post(url, json=payload, headers=self._headers) as resp:
            if resp.status >= 400:
                raise HeyGenException(f"{url} -> {resp.status}: {await resp.text()}")
            return await resp.json()

    async def start(self, agent_session, *, room) -> None:
        http = self._ensure_http()
        async with http.post(
            API_STREAM_NEW,
            json={"avatar_id": self._avatar_id, "quality": self._quality, "version": "v2",
                  "video_encoding": "VP8"},
            headers=self._headers,
        ) as resp:
            resp.raise_for_status()
            parsed = NewSessionResponse.model_validate(await resp.json())
        self._info = parsed.data
        await self._post(API_STREAM_START, {"session_id": self._info.session_id})
        logger.info("avatar joined room %s as session %s", room.name, self._info.session_id)

        @agent_session.on("speech_created")
        def _on_speech(handle):
            fut = asyncio.ensure_future(self._forward(handle.text))
            self._pending.add(fut)
            fut.add_done_callback(self._pending.discard)

        room.on("disconnected", self._on_disconnected)

    def viewer_credentials(self) -> tuple[str, str]:
        return self._info.url, self._info.access_token

    async def _forward(self, text: str) -> None:
        # one utterance at a time: HeyGen queues tasks but the order must be the LLM's
        async with self._lock:
            await self._post(API_STREAM_TASK, {"session_id": self._info.session_id, "text": text,
                                               "task_type": "repeat", "task_mode": "sync"})

    async def wait_idle(self) -> None:
        while self._pending:
            await asyncio.gather(*list(self._pending))

    async def _on_disconnected(self, reason: str) -> None:
        if self._info is None:
            return
        logger.info("room closed (%s), stopping avatar", reason)
        await self._post(API_STREAM_STOP, {"session_id": self._info.session_id})
        self._info = None

    async def aclose(self) -> None:
        if self._owns_http and self._http is not None:
            await self._http.close()
