import asyncio
import base64
import json
import logging
import uuid

import websockets

log = logging.getLogger(__name__)


class AvatarSocket:
    """The avatar's realtime socket: we push our own TTS audio into it."""

    def __init__(self, endpoint, keepalive_every=150.0):
        self.endpoint = endpoint
        self.keepalive_every = keepalive_every
        self.ws = None
        self.connected = asyncio.Event()
        self.audio: asyncio.Queue = asyncio.Queue()
        self.finished_utterances = 0
        self._tasks = []

    async def open(self):
        self.ws = await websockets.connect(self.endpoint)
        self._tasks = [
            asyncio.create_task(self._read()),
            asyncio.create_task(self._pump()),
            asyncio.create_task(self._keepalive()),
        ]
        await asyncio.wait_for(self.connected.wait(), timeout=10)

    async def _send(self, message):
        await self.ws.send(json.dumps(message))

    async def _read(self):
        async for raw in self.ws:
            event = json.loads(raw)
            if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                self.connected.set()
            elif event.get("type") == "agent.speak_ended":
                self.finished_utterances += 1
            else:
                log.debug("avatar event %s", event.get("type"))

    async def _pump(self):
        event_id = None
        while True:
            chunk = await self.audio.get()
            if chunk is None:
                if event_id is not None:
                    await self._send({"type": "agent.speak_end", "event_id": event_id})
                event_id = None
            else:
                event_id = event_id or uuid.uuid4().hex
                await self._send(
                    {"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(chunk).decode()}
                )
            self.audio.task_done()

    async def _keepalive(self):
        while True:
            await asyncio.sleep(self.keepalive_every)
            await self.ping()

    async def ping(self):
        await self._send({"type": "session.keep_alive", "event_id": uuid.uuid4().hex})

    async def barge_in(self):
        await self._send({"type": "agent.interrupt"})

    async def speak(self, chunks):
        for chunk in chunks:
            self.audio.put_nowait(chunk)
        self.audio.put_nowait(None)
        await self.audio.join()

    async def close(self):
        for task in self._tasks[1:]:
            task.cancel()
        await asyncio.gather(*self._tasks[1:], return_exceptions=True)
        await self.ws.close()
        await asyncio.gather(self._tasks[0], return_exceptions=True)
