import asyncio
import base64
import contextlib
import json
import uuid

import websockets

from .session import StreamingSession


class PharmacyBot:
    def __init__(self, tts, session=None, keepalive_every=120.0):
        self.tts = tts  # async generator factory: text -> PCM chunks
        self.session = session or StreamingSession()
        self.keepalive_every = keepalive_every
        self.ws = None
        self._wake = asyncio.Event()
        self._keeper = None
        self.turns = 0

    async def connect(self):
        rt = await self.session.open()
        self.ws = await websockets.connect(rt.socket_url)
        while True:
            msg = json.loads(await self.ws.recv())
            if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
                break
        self._keeper = asyncio.create_task(self._keep_alive_loop())
        return rt.viewer_url, rt.viewer_token

    async def _keep_alive_loop(self):
        while True:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.keepalive_every)
            self._wake.clear()
            await self.session.keep_alive()

    def nudge_keep_alive(self):
        self._wake.set()

    async def _send(self, **message):
        await self.ws.send(json.dumps(message))

    async def reply(self, text):
        event_id = str(uuid.uuid4())
        async for chunk in self.tts(text):
            await self._send(type="agent.speak", event_id=event_id, audio=base64.b64encode(chunk).decode("ascii"))
        await self._send(type="agent.speak_end", event_id=event_id)

    async def turn(self, text):
        await self.reply(text)
        await self._send(type="agent.start_listening", event_id=str(uuid.uuid4()))
        await asyncio.sleep(0.05)  # the caller talks here
        await self._send(type="agent.stop_listening", event_id=str(uuid.uuid4()))
        self.turns += 1

    async def hang_up(self):
        if self._keeper:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
        await self.ws.close()
        await self.session.close()
