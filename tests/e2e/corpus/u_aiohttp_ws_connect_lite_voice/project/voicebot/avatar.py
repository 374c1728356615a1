"""The avatar is only the face: our LLM writes the reply, our TTS speaks it, and the audio goes
to HeyGen over the session's realtime websocket (aiohttp for both REST and the socket)."""
import asyncio
import base64
import json
import logging
import os
import uuid

import aiohttp

from . import tts

log = logging.getLogger(__name__)

HEYGEN_API = os.getenv("HEYGEN_API", "https://api.heygen.com")


class AvatarFace:
    def __init__(self, http: aiohttp.ClientSession, avatar_id: str):
        self.http = http
        self.avatar_id = avatar_id
        self.session_id = None
        self.ws = None
        self._reader = None
        self.connected = asyncio.Event()

    def _headers(self):
        return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}

    async def _call(self, endpoint, payload):
        async with self.http.post(f"{HEYGEN_API}/v1/{endpoint}", data=json.dumps(payload), headers=self._headers()) as r:
            if r.status >= 400:
                raise RuntimeError(f"{endpoint} failed: {r.status} {await r.text()}")
            return await r.json()

    async def start(self):
        res = await self._call("streaming.new", {"avatar_id": self.avatar_id, "version": "v2", "video_encoding": "H264"})
        info = res["data"]
        self.session_id = info["session_id"]
        await self._call("streaming.start", {"session_id": self.session_id})
        self.ws = await self.http.ws_connect(info["realtime_endpoint"], heartbeat=20)
        self._reader = asyncio.create_task(self._read())
        await asyncio.wait_for(self.connected.wait(), 10)
        return info["url"], info["access_token"]

    async def _read(self):
        async for msg in self.ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                continue
            event = json.loads(msg.data)
            if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                self.connected.set()
            log.debug("avatar event %s", event.get("type"))

    async def speak(self, text):
        event_id = str(uuid.uuid4())
        for frame in tts.frames(tts.synthesize(text)):
            await self.ws.send_json({"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(frame).decode()})
        await self.ws.send_json({"type": "agent.speak_end", "event_id": event_id})

    async def listen(self, on=True):
        await self.ws.send_json({"type": "agent.start_listening" if on else "agent.stop_listening"})

    async def ping(self):
        await self.ws.send_str(json.dumps({"type": "session.keep_alive"}))

    async def cut(self):
        await self.ws.send_json({"type": "agent.interrupt"})

    async def close(self):
        if self.ws is not None:
            await self.ws.close()
            await self._reader
        await self._call("streaming.stop", {"session_id": self.session_id})
