"""Send our own TTS audio to a HeyGen avatar over its realtime socket (pipecat-style sink)."""

import asyncio
import base64
import contextlib
import json
import logging
import os
import uuid

import requests
import websockets

from .frames import BotInterruptionFrame, EndFrame, StartFrame, TTSAudioRawFrame, TTSStartedFrame, TTSStoppedFrame

logger = logging.getLogger(__name__)

HEYGEN_API = os.getenv("HEYGEN_API", "https://api.heygen.com")
NEW_URL = f"{HEYGEN_API}/v1/streaming.new"
START_URL = f"{HEYGEN_API}/v1/streaming.start"
STOP_URL = f"{HEYGEN_API}/v1/streaming.stop"
KEEPALIVE_SECONDS = 120


class HeyGenAudioSink:
    def __init__(self, avatar_id=None, on_room=None):
        self._avatar_id = avatar_id or os.getenv("SINK_AVATAR", "Wayne_20240711")
        self._headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}
        self._on_room = on_room
        self._session_id = None
        self._ws = None
        self._reader = None
        self._keepalive = None
        self._event_id = None

    async def _open(self):
        resp = await asyncio.to_thread(
            requests.post,
            NEW_URL,
            json={"avatar_id": self._avatar_id, "version": "v2", "video_encoding": "VP8"},
            headers=self._headers,
            timeout=30,
        )
        resp.raise_for_status()
        info = resp.json()["data"]
        self._session_id = info["session_id"]
        started = await asyncio.to_thread(
            requests.post, START_URL, json={"session_id": self._session_id}, headers=self._headers, timeout=30
        )
        started.raise_for_status()
        self._ws = await websockets.connect(info["realtime_endpoint"])
        self._reader = asyncio.create_task(self._read())
        self._keepalive = asyncio.create_task(self._keep_alive_loop())
        if self._on_room:
            self._on_room(info["url"], info["access_token"])

    async def _read(self):
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in self._ws:
                logger.debug("avatar event: %s", json.loads(raw).get("type"))

    async def _send(self, message):
        await self._ws.send(json.dumps(message))

    async def ping(self):
        await self._send({"type": "session.keep_alive", "event_id": str(uuid.uuid4())})

    async def _keep_alive_loop(self):
        while True:
            await asyncio.sleep(KEEPALIVE_SECONDS)
            await self.ping()

    async def _close(self):
        if self._keepalive:
            self._keepalive.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keepalive
        await asyncio.sleep(0.2)  # let the last audio reach the avatar
        await self._ws.close()
        await self._reader
        resp = await asyncio.to_thread(
            requests.post, STOP_URL, json={"session_id": self._session_id}, headers=self._headers, timeout=30
        )
        resp.raise_for_status()

    async def process_frame(self, frame):
        if isinstance(frame, StartFrame):
            await self._open()
        elif isinstance(frame, TTSStartedFrame):
            self._event_id = str(uuid.uuid4())
        elif isinstance(frame, TTSAudioRawFrame):
            await self._send({"type": "agent.speak", "event_id": self._event_id, "audio": base64.b64encode(frame.audio).decode()})
        elif isinstance(frame, TTSStoppedFrame):
            await self._send({"type": "agent.speak_end", "event_id": self._event_id})
            self._event_id = None
        elif isinstance(frame, BotInterruptionFrame):
            await self._send({"type": "agent.interrupt"})
        elif isinstance(frame, EndFrame):
            await self._close()
