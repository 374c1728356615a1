"""Relay a voice bot's TTS audio to a HeyGen streaming avatar (realtime WebSocket, custom audio).

The TTS side puts PCM16 24 kHz frames on ``relay.inbox`` and an ``END`` marker after each
utterance; ``pump()`` forwards them as ``agent.speak`` / ``agent.speak_end`` messages.
"""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import uuid

import aiohttp
import websockets

log = logging.getLogger("relay")

HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
END = object()  # end of one utterance
BARGE_IN = object()  # the caller started talking


class AvatarRelay:
    def __init__(self, avatar_id: str | None = None) -> None:
        self.avatar_id = avatar_id or os.environ.get("RELAY_AVATAR_ID", "Anna_public_3_20240108")
        self.inbox: asyncio.Queue = asyncio.Queue()
        self.session_id: str | None = None
        self.realtime_endpoint: str | None = None
        self._ws = None
        self._reader: asyncio.Task | None = None
        self.events: list[str] = []

    async def _api(self, http: aiohttp.ClientSession, endpoint: str, **payload) -> dict:
        async with http.post(f"{HEYGEN_BASE_URL}/v1/{endpoint}", json=payload) as resp:
            body = await resp.json()
            if resp.status != 200 or body.get("code") != 100:
                raise RuntimeError(f"{endpoint}: {resp.status} {body}")
            return body["data"]

    def _headers(self) -> dict:
        return {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}

    async def start(self) -> dict:
        async with aiohttp.ClientSession(headers=self._headers()) as http:
            data = await self._api(
                http, "streaming.new", avatar_id=self.avatar_id, version="v2", video_encoding="VP8"
            )
            self.session_id = data["session_id"]
            self.realtime_endpoint = data["realtime_endpoint"]
            await self._api(http, "streaming.start", session_id=self.session_id)
        self._ws = await websockets.connect(self.realtime_endpoint)
        connected = asyncio.get_running_loop().create_future()
        self._reader = asyncio.create_task(self._read(connected))
        await asyncio.wait_for(connected, timeout=10)
        return {"url": data["url"], "access_token": data["access_token"]}

    async def _read(self, connected: asyncio.Future) -> None:
        async for raw in self._ws:
            msg = json.loads(raw)
            self.events.append(msg.get("type", "?"))
            if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
                if not connected.done():
                    connected.set_result(True)

    async def pump(self) -> None:
        """Forward queued audio until ``None`` arrives."""
        event_id = None
        while True:
            item = await self.inbox.get()
            try:
                if item is None:
                    return
                if item is BARGE_IN:
                    event_id = None
                    await self._send({"type": "agent.interrupt"})
                elif item is END:
                    if event_id is not None:
                        await self._send({"type": "agent.speak_end", "event_id": event_id})
                    event_id = None
                else:
                    event_id = event_id or uuid.uuid4().hex
                    await self._send(
                        {"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(item).decode()}
                    )
            finally:
                self.inbox.task_done()

    async def heartbeat(self) -> None:
        await self._send({"type": "session.keep_alive", "event_id": uuid.uuid4().hex})

    async def _send(self, message: dict) -> None:
        await self._ws.send(json.dumps(message))

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await self._reader
        async with aiohttp.ClientSession(headers=self._headers()) as http:
            await self._api(http, "streaming.stop", session_id=self.session_id)
