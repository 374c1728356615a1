from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from types import SimpleNamespace

import httpx

CONFIG = {
    "base_url": "https://api.heygen.com",
    "api_key_env": "HEYGEN_API_KEY",
    "keepalive_every": 90.0,
    "quality": "medium",
}

log = logging.getLogger("avatarkit")


class AvatarError(RuntimeError):
    pass


class AvatarSession:
    ROUTES = {
        "create": "streaming.new",
        "start": "streaming.start",
        "speak": "streaming.task",
        "interrupt": "streaming.interrupt",
        "keepalive": "streaming.keep_alive",
        "close": "streaming.stop",
    }

    def __init__(self, avatar_id: str, knowledge_base_id: str | None = None, config: dict | None = None):
        self.cfg = {**CONFIG, **(config or {})}
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        self.info: SimpleNamespace | None = None
        self._client: httpx.AsyncClient | None = None
        self._closing = asyncio.Event()
        self._pinger: asyncio.Task | None = None

    async def _call(self, route: str, **body) -> dict:
        assert self._client is not None
        r = await self._client.post(f"/v1/{self.ROUTES[route]}", json=body)
        if r.is_error:
            raise AvatarError(f"{route}: {r.status_code} {r.text[:200]}")
        return r.json().get("data") or {}

    async def __aenter__(self) -> "AvatarSession":
        self._client = httpx.AsyncClient(
            base_url=self.cfg["base_url"],
            headers={"x-api-key": os.environ[self.cfg["api_key_env"]]},
            timeout=30,
        )
        body = {"avatar_id": self.avatar_id, "quality": self.cfg["quality"], "version": "v2"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        data = await self._call("create", **body)
        self.info = SimpleNamespace(**data)
        await self._call("start", session_id=self.info.session_id)
        self._pinger = asyncio.create_task(self._keepalive())
        return self

    async def _keepalive(self) -> None:
        while not self._closing.is_set():
            try:
                await asyncio.wait_for(self._closing.wait(), timeout=self.cfg["keepalive_every"])
            except asyncio.TimeoutError:
                await self.ping()

    async def ping(self) -> None:
        await self._call("keepalive", session_id=self.info.session_id)

    async def say(self, text: str, *, chat: bool = False) -> None:
        await self._call("speak", session_id=self.info.session_id, text=text, task_type="chat" if chat else "repeat")

    async def interrupt(self) -> None:
        await self._call("interrupt", session_id=self.info.session_id)

    async def __aexit__(self, *exc) -> None:
        self._closing.set()
        if self._pinger:
            with contextlib.suppress(asyncio.CancelledError):
                await self._pinger
        try:
            if self.info is not None:
                await self._call("close", session_id=self.info.session_id)
        finally:
            await self._client.aclose()
