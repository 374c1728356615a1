"""Realtime side: our own TTS audio goes to the avatar over its websocket."""
from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Callable

import websockets

from .config import settings
from .models import RealtimeSession

Synth = Callable[[str], AsyncIterator[bytes]]


class AvatarStream:
    def __init__(self, session: RealtimeSession) -> None:
        self.session = session
        self.ws: websockets.ClientConnection | None = None
        self.events: asyncio.Queue[dict] = asyncio.Queue()
        self._connected = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self.ws = await websockets.connect(self.session.realtime_endpoint, max_size=None)
        self._reader = asyncio.create_task(self._read())
        async with asyncio.timeout(settings.connect_timeout):
            await self._connected.wait()

    async def _read(self) -> None:
        assert self.ws is not None
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in self.ws:
                event = json.loads(raw)
                if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                    self._connected.set()
                await self.events.put(event)

    async def _send(self, message: dict) -> None:
        assert self.ws is not None
        await self.ws.send(json.dumps(message))

    async def say(self, text: str, synth: Synth) -> str:
        event_id = uuid.uuid4().hex
        async for pcm in synth(text):
            await self._send(
                {"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(pcm).decode("ascii")}
            )
        await self._send({"type": "agent.speak_end", "event_id": event_id})
        return event_id

    async def barge_in(self) -> None:
        await self._send({"type": "agent.interrupt"})

    async def listen(self) -> None:
        await self._send({"type": "agent.start_listening"})

    async def keep_alive(self) -> None:
        await self._send({"type": "session.keep_alive"})

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await self._reader
