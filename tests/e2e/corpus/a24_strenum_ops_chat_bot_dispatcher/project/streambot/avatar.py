"""Streaming-avatar co-host for the channel's live chat."""
from __future__ import annotations

import enum
import os
from typing import Any

import aiohttp

HEYGEN_API = os.getenv("STREAMBOT_HEYGEN_API", "https://api.heygen.com/v1")


class Op(enum.StrEnum):
    NEW = "new"
    START = "start"
    TASK = "task"
    INTERRUPT = "interrupt"
    KEEP_ALIVE = "keep_alive"
    STOP = "stop"


class CoHost:
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http
        self.session_id: str | None = None

    async def _op(self, op: Op, **body: Any) -> dict[str, Any]:
        async with self.http.post(
            f"{HEYGEN_API}/streaming.{op.value}",
            json=body,
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        ) as resp:
            resp.raise_for_status()
            payload = await resp.json()
        return payload.get("data") or {}

    async def go_live(self, avatar_id: str) -> tuple[str, str]:
        data = await self._op(Op.NEW, avatar_id=avatar_id, quality="medium", version="v2")
        self.session_id = data["session_id"]
        await self._op(Op.START, session_id=self.session_id)
        return data["url"], data["access_token"]

    async def read_out(self, text: str) -> None:
        await self._op(Op.TASK, session_id=self.session_id, text=text, task_type="repeat")

    async def skip(self) -> None:
        await self._op(Op.INTERRUPT, session_id=self.session_id)

    async def heartbeat(self) -> None:
        await self._op(Op.KEEP_ALIVE, session_id=self.session_id)

    async def sign_off(self) -> None:
        await self._op(Op.STOP, session_id=self.session_id)
        self.session_id = None
