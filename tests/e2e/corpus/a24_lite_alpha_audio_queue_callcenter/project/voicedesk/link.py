"""Audio link to the avatar: a sender task drains a queue of PCM chunks onto the websocket."""
from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import uuid
from typing import Optional

import websockets

log = logging.getLogger("voicedesk.link")

Item = tuple[str, Optional[bytes]]  # (utterance id, chunk) ; chunk None = end of utterance
_CLOSE: Item = ("", None)


class AudioLink:
    def __init__(self, realtime_url: str) -> None:
        self.url = realtime_url
        self.queue: asyncio.Queue[Item] = asyncio.Queue()
        self.ws = None
        self._sender: asyncio.Task | None = None
        self._reader: asyncio.Task | None = None
        self._ready = asyncio.Event()

    async def connect(self, timeout: float = 10.0) -> None:
        self.ws = await websockets.connect(self.url)
        self._reader = asyncio.create_task(self._read())
        await asyncio.wait_for(self._ready.wait(), timeout=timeout)
        self._sender = asyncio.create_task(self._send_loop())

    async def _read(self) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in self.ws:
                msg = json.loads(raw)
                if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
                    self._ready.set()
                log.debug("avatar says %s", msg.get("type"))

    async def _send_loop(self) -> None:
        while True:
            utterance, chunk = await self.queue.get()
            try:
                if (utterance, chunk) == _CLOSE:
                    return
                if chunk is None:
                    await self._send({"type": "agent.audio_buffer_commit", "event_id": utterance})
                else:
                    audio = base64.b64encode(chunk).decode()
                    await self._send({"type": "agent.audio_buffer_append", "audio": audio, "event_id": utterance})
            finally:
                self.queue.task_done()

    async def _send(self, message: dict) -> None:
        await self.ws.send(json.dumps(message))

    async def say(self, chunks: list[bytes]) -> str:
        utterance = f"utt_{uuid.uuid4().hex[:12]}"
        for chunk in chunks:
            self.queue.put_nowait((utterance, chunk))
        self.queue.put_nowait((utterance, None))
        await self.queue.join()
        return utterance

    async def barge_in(self) -> None:
        await self.queue.join()
        await self._send({"type": "agent.audio_buffer_clear"})

    async def aclose(self) -> None:
        if self._sender is not None:
            self.queue.put_nowait(_CLOSE)
            await self._sender
        if self.ws is not None:
            await asyncio.sleep(0.5)  # let the avatar play out what was committed last
            await self.ws.close()
        if self._reader is not None:
            await self._reader
