"""HeyGen avatar as the video output of a voice pipeline: we bring our own TTS audio."""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import uuid
from dataclasses import dataclass

import httpx
import websockets

from pipekit import (
    EndFrame,
    Frame,
    FrameDirection,
    FrameProcessor,
    HeartbeatFrame,
    StartFrame,
    TTSAudioRawFrame,
    TTSStartedFrame,
    TTSStoppedFrame,
    UserStartedSpeakingFrame,
)

logger = logging.getLogger(__name__)
API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com")


@dataclass
class TransportRoomFrame(Frame):
    url: str
    token: str


class HeyGenVideoService(FrameProcessor):
    def __init__(self, *, api_key: str, avatar_id: str) -> None:
        super().__init__()
        self._api_key = api_key
        self._avatar_id = avatar_id
        self._client: httpx.AsyncClient | None = None
        self._token: str | None = None
        self._session_id: str | None = None
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._ready = asyncio.Event()
        self._event_id: str | None = None

    def _bearer(self) -> dict:
        return {"Authorization": f"Bearer {self._token}", "Content-Type": "application/json"}

    async def _open(self) -> TransportRoomFrame:
        self._client = httpx.AsyncClient(timeout=15)
        r = await self._client.post(f"{API_BASE}/v1/streaming.create_token", headers={"x-api-key": self._api_key})
        r.raise_for_status()
        self._token = r.json()["data"]["token"]
        r = await self._client.post(
            f"{API_BASE}/v1/streaming.new",
            headers=self._bearer(),
            json={"avatar_id": self._avatar_id, "version": "v2", "video_encoding": "VP8"},
        )
        r.raise_for_status()
        data = r.json()["data"]
        self._session_id = data["session_id"]
        r = await self._client.post(f"{API_BASE}/v1/streaming.start", headers=self._bearer(), json={"session_id": self._session_id})
        r.raise_for_status()
        self._ws = await websockets.connect(data["realtime_endpoint"])
        self._reader = asyncio.create_task(self._read())
        await asyncio.wait_for(self._ready.wait(), 10)
        return TransportRoomFrame(url=data["url"], token=data["access_token"])

    async def _read(self) -> None:
        try:
            async for message in self._ws:
                event = json.loads(message)
                if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                    self._ready.set()
                else:
                    logger.debug("avatar event %s", event.get("type"))
        except websockets.ConnectionClosed:
            pass

    async def _send(self, payload: dict) -> None:
        await self._ws.send(json.dumps(payload))

    async def _close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            await self._reader
        if self._session_id:
            r = await self._client.post(f"{API_BASE}/v1/streaming.stop", headers=self._bearer(), json={"session_id": self._session_id})
            r.raise_for_status()
            self._session_id = None
        await self._client.aclose()

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        if isinstance(frame, StartFrame):
            await self.push_frame(frame, direction)
            await self.push_frame(await self._open())
        elif isinstance(frame, TTSStartedFrame):
            self._event_id = str(uuid.uuid4())
        elif isinstance(frame, TTSAudioRawFrame):
            await self._send({"type": "agent.speak", "audio": base64.b64encode(frame.audio).decode(), "event_id": self._event_id})
        elif isinstance(frame, TTSStoppedFrame):
            await self._send({"type": "agent.speak_end", "event_id": self._event_id})
            self._event_id = None
        elif isinstance(frame, UserStartedSpeakingFrame):
            await self._send({"type": "agent.interrupt"})
            await self.push_frame(frame, direction)
        elif isinstance(frame, HeartbeatFrame):
            await self._send({"type": "session.keep_alive"})
        elif isinstance(frame, EndFrame):
            await asyncio.sleep(0.3)
            await self._close()
            await self.push_frame(frame, direction)
        else:
            await self.push_frame(frame, direction)
