"""Audiobook narrator agent: reads a chapter through the avatar, with a heartbeat task."""
from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable

from facekit import FaceKit


class NarratorAgent:
    def __init__(self, show: Callable[[str, str], object]) -> None:
        self.kit = FaceKit()
        self.show = show
        self.session_id: str | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    async def on_start(self) -> None:
        room = await self.kit.sessions.create(os.environ.get("NARRATOR_AVATAR", "Anna_public_3_20240108"))
        self.session_id = room.session_id
        self.show(room.url, room.access_token)
        self._heartbeat = asyncio.create_task(self._beat(float(os.environ.get("NARRATOR_BEAT", "120"))))

    async def _beat(self, every: float) -> None:
        assert self.session_id is not None
        while True:
            await asyncio.sleep(every)
            await self.kit.sessions.keep_alive(self.session_id)

    async def read(self, paragraphs: list[str]) -> None:
        assert self.session_id is not None
        for paragraph in paragraphs:
            if paragraph == "---":
                await self.kit.speech.interrupt(self.session_id)
                await self.kit.sessions.keep_alive(self.session_id)
                continue
            await self.kit.speech.say(self.session_id, paragraph)

    async def on_stop(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
        if self.session_id is not None:
            await self.kit.sessions.close(self.session_id)
        await self.kit.aclose()


async def narrate(paragraphs: list[str], show: Callable[[str, str], object]) -> None:
    agent = NarratorAgent(show)
    await agent.on_start()
    try:
        await agent.read(paragraphs)
    finally:
        await agent.on_stop()
