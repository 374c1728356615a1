"""Reception agent: lifecycle hooks from our small agent framework, HeyGen as the face."""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from avatar.heygen import HeyGenStreaming, LiveRoom
from core.config import get_settings

log = logging.getLogger(__name__)

RoomListener = Callable[[str, str], object]


class Agent:
    """Framework base: run() calls on_start, handles every message, then on_stop."""

    name = "agent"

    async def on_start(self) -> None: ...

    async def on_message(self, text: str) -> None: ...

    async def on_stop(self) -> None: ...

    async def run(self, messages: list[str]) -> None:
        await self.on_start()
        try:
            for message in messages:
                await self.on_message(message)
        finally:
            await self.on_stop()


class ReceptionAgent(Agent):
    name = "reception"

    def __init__(self, on_room: RoomListener | None = None) -> None:
        self.avatar = HeyGenStreaming()
        self.on_room = on_room
        self.heartbeat = get_settings().heartbeat_seconds
        self.room: LiveRoom | None = None
        self._token: str | None = None
        self._stack = contextlib.AsyncExitStack()
        self._first_beat = asyncio.Event()
        self._beats: asyncio.Task[None] | None = None

    async def on_start(self) -> None:
        self._stack.push_async_callback(self.avatar.aclose)
        self._token = await self.avatar.create_token()
        self.room = await self.avatar.open_room(self._token)
        self._stack.push_async_callback(self._close_room)
        if self.on_room is not None:
            self.on_room(self.room.url, self.room.access_token)
        self._beats = asyncio.create_task(self._heartbeat(), name="avatar-heartbeat")
        self._beats.add_done_callback(self._beats_done)
        self._stack.push_async_callback(self._stop_heartbeat)
        # the session counts as alive once HeyGen acknowledged a first keep-alive
        await self._first_beat.wait()

    async def _heartbeat(self) -> None:
        assert self.room is not None and self._token is not None
        while True:
            await self.avatar.keep_alive(self._token, self.room.session_id)
            self._first_beat.set()
            await asyncio.sleep(self.heartbeat)

    def _beats_done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("heartbeat died: %s", task.exception())

    async def _stop_heartbeat(self) -> None:
        if self._beats is not None:
            self._beats.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._beats

    async def _close_room(self) -> None:
        if self.room is not None and self._token is not None:
            await self.avatar.close_room(self._token, self.room.session_id)

    async def on_message(self, text: str) -> None:
        assert self.room is not None and self._token is not None
        if text == "/stop-talking":
            await self.avatar.interrupt(self._token, self.room.session_id)
            return
        await self.avatar.say(self._token, self.room.session_id, text)

    async def on_stop(self) -> None:
        await self._stack.aclose()


async def serve(messages: list[str], on_room: RoomListener | None = None) -> str:
    agent = ReceptionAgent(on_room)
    await agent.run(messages)
    assert agent.room is not None
    return agent.room.session_id


Hook = Callable[[], Awaitable[None]]
