"""Bridge a phone call's TTS audio into a HeyGen avatar (custom audio over the realtime socket)."""

import asyncio
import base64
import json
import logging
import os
import uuid

import aiohttp

from .models import LiveSession

log = logging.getLogger(__name__)

HEYGEN = "https://api.heygen.com"


class AvatarBridge:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.getenv("BRIDGE_AVATAR", "Wayne_20240711")
        self._http = None
        self._token = None
        self.live = None
        self._ws = None
        self._reader = None
        self._ready = asyncio.Event()

    def _auth(self):
        return {"Authorization": f"Bearer {self._token}"}

    async def _fetch_token(self):
        async with self._http.post(
            f"{HEYGEN}/v1/streaming.create_token",
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        ) as r:
            r.raise_for_status()
            self._token = (await r.json())["data"]["token"]

    async def connect(self):
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        await self._fetch_token()
        async with self._http.post(
            f"{HEYGEN}/v1/streaming.new",
            json={"avatar_id": self.avatar_id, "version": "v2", "quality": "low"},
            headers=self._auth(),
        ) as r:
            r.raise_for_status()
            body = await r.json()
        self.live = LiveSession(**body.get("data", {}))
        async with self._http.post(
            f"{HEYGEN}/v1/streaming.start", json={"session_id": self.live.session_id}, headers=self._auth()
        ) as r:
            r.raise_for_status()
        self._ws = await self._http.ws_connect(self.live.realtime_endpoint)
        self._reader = asyncio.create_task(self._read())
        await asyncio.wait_for(self._ready.wait(), timeout=10)
        return {"url": self.live.url, "token": self.live.access_token}

    async def _read(self):
        async for msg in self._ws:
            if msg.type != aiohttp.WSMsgType.TEXT:
                continue
            event = json.loads(msg.data)
            kind = event.get("type")
            if kind == "session.state_updated" and event.get("state") == "connected":
                self._ready.set()
            elif kind and kind.startswith("agent.speak"):
                log.debug("avatar %s %s", kind, event.get("event_id"))

    async def _send(self, message):
        await self._ws.send_str(json.dumps(message))

    async def say_pcm(self, chunks):
        event_id = uuid.uuid4().hex
        for chunk in chunks:
            await self._send({"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(chunk).decode()})
        await self._send({"type": "agent.speak_end", "event_id": event_id})

    async def barge_in(self):
        await self._send({"type": "agent.interrupt"})

    async def ping(self):
        await self._send({"type": "session.keep_alive", "event_id": uuid.uuid4().hex})

    async def hang_up(self):
        # the audio leg goes first: the avatar must have the last words before the session ends
        await asyncio.sleep(0.2)
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            try:
                await asyncio.wait_for(self._reader, timeout=5)
            except (asyncio.CancelledError, asyncio.TimeoutError):
                pass
        try:
            async with self._http.post(
                f"{HEYGEN}/v1/streaming.stop", json={"session_id": self.live.session_id}, headers=self._auth()
            ) as r:
                r.raise_for_status()
        finally:
            await self._http.close()
