"""The agent: one aiohttp session, one avatar room, commands dispatched by type."""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from typing import Any

import aiohttp

from .commands import Close, Hush, Open, Ping, Say
from .schemas import Envelope, OpenRequest, RoomInfo, SessionRef, TaskRequest

log = logging.getLogger("desk_agent")

API_BASE = "https://api.heygen.com/v1"


class AvatarAPIError(Exception):
    pass


class DeskAgent:
    def __init__(self, on_room: Callable[[RoomInfo], Any]) -> None:
        self.on_room = on_room
        self.http: aiohttp.ClientSession | None = None
        self.room: RoomInfo | None = None
        self.handled = 0

    async def _send(self, endpoint: str, body: dict[str, Any]) -> Any:
        assert self.http is not None
        async with self.http.post(f"{API_BASE}/{endpoint}", json=body) as resp:
            raw = await resp.json()
        envelope = Envelope[dict].model_validate(raw)
        if envelope.code != 100:
            raise AvatarAPIError(f"{endpoint}: {envelope.message}")
        return envelope.data

    @functools.singledispatchmethod
    async def handle(self, command: object) -> None:
        raise TypeError(f"unknown command {command!r}")

    @handle.register
    async def _(self, command: Open) -> None:
        self.http = aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        request = OpenRequest(avatar=command.avatar, kb=command.kb)
        data = await self._send("streaming.new", request.model_dump(by_alias=True, exclude_none=True))
        self.room = RoomInfo.model_validate(data)
        await self._send("streaming.start", SessionRef(session_id=self.room.session_id).model_dump())
        self.on_room(self.room)

    @handle.register
    async def _(self, command: Say) -> None:
        assert self.room is not None
        task = TaskRequest(session_id=self.room.session_id, text=command.text, task_type="chat" if command.chat else "repeat")
        await self._send("streaming.task", task.model_dump())

    @handle.register
    async def _(self, command: Hush) -> None:
        assert self.room is not None
        await self._send("streaming.interrupt", SessionRef(session_id=self.room.session_id).model_dump())

    @handle.register
    async def _(self, command: Ping) -> None:
        assert self.room is not None
        await self._send("streaming.keep_alive", SessionRef(session_id=self.room.session_id).model_dump())

    @handle.register
    async def _(self, command: Close) -> None:
        if self.room is not None:
            await self._send("streaming.stop", SessionRef(session_id=self.room.session_id).model_dump())
            self.room = None
        if self.http is not None:
            await self.http.close()
            self.http = None

    async def run(self, commands: list[object]) -> int:
        try:
            for command in commands:
                await self.handle(command)
                self.handled += 1
        finally:
            if self.room is not None or self.http is not None:
                await self.handle(Close())
        return self.handled
