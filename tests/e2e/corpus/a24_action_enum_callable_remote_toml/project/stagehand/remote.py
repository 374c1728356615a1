"""The avatar remote: `await remote(Action.SAY, text=...)`. One httpx.AsyncClient per remote."""
from __future__ import annotations

import enum
import logging
from typing import Any

import httpx

from .config import AvatarConfig

log = logging.getLogger("stagehand.remote")


class Action(str, enum.Enum):
    NEW = "streaming.new"
    START = "streaming.start"
    SAY = "streaming.task"
    HUSH = "streaming.interrupt"
    PING = "streaming.keep_alive"
    STOP = "streaming.stop"


class RemoteError(RuntimeError):
    pass


class AvatarRemote:
    def __init__(self, config: AvatarConfig) -> None:
        self.config = config
        self.http = httpx.AsyncClient(
            headers={"X-Api-Key": config.api_key}, timeout=config.request_timeout
        )
        self.session_id: str | None = None

    async def __call__(self, action: Action, **fields: Any) -> dict[str, Any]:
        if action is not Action.NEW:
            fields.setdefault("session_id", self.session_id)
        url = f"{self.config.api_base}/{action.value}"
        log.debug("POST %s %s", url, fields)
        resp = await self.http.post(url, json=fields)
        payload = resp.json()
        if resp.is_error or payload.get("code") != 100:
            raise RemoteError(f"{action.name}: {payload.get('message', resp.text)}")
        return payload.get("data") or {}

    async def open(self) -> dict[str, Any]:
        room = await self(Action.NEW, avatar_id=self.config.avatar_id, quality=self.config.quality, version="v2")
        self.session_id = room["session_id"]
        await self(Action.START)
        return room

    async def aclose(self) -> None:
        try:
            if self.session_id is not None:
                await self(Action.STOP)
                self.session_id = None
        finally:
            await self.http.aclose()
