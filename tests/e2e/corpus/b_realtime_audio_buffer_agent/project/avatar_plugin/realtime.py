"""HeyGen Realtime API avatar output for our voice-agent pipeline.

The pipeline owns STT, LLM and TTS; the avatar only lip-syncs the PCM we push
(24 kHz, 16-bit mono) over the realtime WebSocket.
"""
from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import uuid

import requests
import websockets

logger = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com/v1"
SAMPLE_RATE = 24000


class RealtimeAvatar:
    def __init__(self, avatar_id: str | None = None, api_key: str | None = None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.environ.get("AGENT_AVATAR_ID", "Shawn_Therapist_public")
        self.session_id: str | None = None
        self.realtime_endpoint: str | None = None
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._connected = asyncio.Event()

    # REST (sync on purpose: called from the framework's sync setup hook) ---------------------
    def _post(self, endpoint: str, body: dict) -> dict:
        resp = requests.post(
            f"{HEYGEN_API}/{endpoint}",
            json=body,
            headers={"x-api-key": self.api_key, "content-type": "application/json"},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()

    def create_session(self) -> dict:
        data = self._post(
            "streaming.new",
            {
                "avatar_id": self.avatar_id,
                "quality": "high",
                "version": "v2",
                "video_encoding": "VP8",
                "voice": {"voice_id": "1bd001e7e50f421d891986aad5158bc8", "rate": 1.0},
                "knowledge_base_id": "9c1f3e5a7b2d4c6e8f0a1b3c5d7e9f21",
                "stt_settings": {"provider": "deepgram", "confidence": 0.55},
            },
        )["data"]
        self.session_id = data["session_id"]
        self.realtime_endpoint = data["realtime_endpoint"]
        self._post("streaming.start", {"session_id": self.session_id})
        return {"url": data["url"], "access_token": data["access_token"]}

    # Realtime WebSocket ------------------------------------------------------------------------
    async def connect(self) -> None:
        self._ws = await websockets.connect(self.realtime_endpoint)
        self._reader = asyncio.create_task(self._read_loop())
        await asyncio.wait_for(self._connected.wait(), timeout=10)

    async def _read_loop(self) -> None:
        try:
            async for raw in self._ws:
                msg = json.loads(raw)
                if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
                    self._connected.set()
                else:
                    logger.debug("realtime event %s", msg)
        except websockets.ConnectionClosed:
            pass

    async def _send(self, message: dict) -> None:
        await self._ws.send(json.dumps(message))

    async def push_utterance(self, pcm_chunks: list[bytes]) -> None:
        for chunk in pcm_chunks:
            await self._send(
                {
                    "type": "agent.audio_buffer_append",
                    "audio": base64.b64encode(chunk).decode("ascii"),
                    "event_id": uuid.uuid4().hex,
                }
            )
        await self._send({"type": "agent.audio_buffer_commit", "event_id": uuid.uuid4().hex})

    async def on_user_barge_in(self) -> None:
        await self._send({"type": "agent.audio_buffer_clear", "event_id": uuid.uuid4().hex})

    async def end_listening(self) -> None:
        await self._send({"type": "agent.end_listening", "event_id": uuid.uuid4().hex})

    async def aclose(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            if self._reader:
                await self._reader
            self._ws = None
        if self.session_id:
            self._post("streaming.stop", {"session_id": self.session_id})
            self.session_id = None
