"""The avatar guide: one aiohttp session, one live avatar session per visit."""
from __future__ import annotations

import asyncio
import logging

import aiohttp

from . import settings
from .models import Envelope, LiveSession

log = logging.getLogger("kiosk.avatar")


class GuideError(RuntimeError):
    pass


class AvatarGuide:
    def __init__(self) -> None:
        self._http: aiohttp.ClientSession | None = None
        self.live: LiveSession | None = None
        self._pinger: asyncio.Task[None] | None = None

    async def __aenter__(self) -> "AvatarGuide":
        self._http = aiohttp.ClientSession(
            base_url=settings.HEYGEN_HOST,
            headers={"X-Api-Key": settings.HEYGEN_KEY, "Content-Type": "application/json"},
            timeout=aiohttp.ClientTimeout(total=30),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            if self.live is not None:
                await self.end()
        finally:
            assert self._http is not None
            await self._http.close()

    @property
    def http(self) -> aiohttp.ClientSession:
        if self._http is None:
            raise GuideError("use `async with AvatarGuide()`")
        return self._http

    async def _call(self, path: str, body: dict) -> dict:
        async with self.http.post(path, json=body) as resp:
            payload = await resp.json()
            if resp.status != 200:
                raise GuideError(f"{path}: HTTP {resp.status}: {payload}")
        envelope = Envelope.model_validate(payload)
        if envelope.code != 100:
            raise GuideError(f"{path}: {envelope.message}")
        return payload

    async def begin(self) -> LiveSession:
        async with self.http.post(
            "/v1/streaming.new",
            json={"avatar_id": settings.AVATAR, "quality": settings.QUALITY, "version": "v2"},
        ) as resp:
            resp.raise_for_status()
            self.live = LiveSession.model_validate(await resp.json())
        await self._call("/v1/streaming.start", {"session_id": self.live.session_id})
        self._pinger = asyncio.create_task(self._ping_forever())
        return self.live

    async def _ping_forever(self) -> None:
        while True:
            await asyncio.sleep(settings.KEEPALIVE_EVERY)
            await self.ping()

    async def ping(self) -> None:
        assert self.live is not None
        await self._call("/v1/streaming.keep_alive", {"session_id": self.live.session_id})

    async def narrate(self, line: str) -> None:
        assert self.live is not None
        await self._call(
            "/v1/streaming.task",
            {"session_id": self.live.session_id, "text": line, "task_type": "repeat"},
        )

    async def hush(self) -> None:
        assert self.live is not None
        await self._call("/v1/streaming.interrupt", {"session_id": self.live.session_id})

    async def end(self) -> None:
        if self._pinger is not None:
            self._pinger.cancel()
            self._pinger = None
        live, self.live = self.live, None
        if live is not None:
            await self._call("/v1/streaming.stop", {"session_id": live.session_id})
            log.info("visit %s over", live.session_id)
