"""Speaks the agent's TTS audio through a HeyGen streaming avatar (realtime WebSocket)."""
import base64
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from operator import itemgetter

import httpx
import websockets

log = logging.getLogger("avatar_output")
CHUNK_BYTES = 48000  # one second of 24 kHz PCM16 mono


@dataclass
class AvatarConfig:
    api_base: str = field(default_factory=lambda: os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1"))
    avatar_id: str = field(default_factory=lambda: os.getenv("AGENT_AVATAR_ID", "Anna_public_3_20240108"))


class ApiKeyAuth(httpx.Auth):
    def __init__(self, api_key):
        self.api_key = api_key

    def auth_flow(self, request):
        request.headers["x-api-key"] = self.api_key
        yield request


class AvatarOutput:
    def __init__(self, config=None):
        self.config = config or AvatarConfig()
        self.http = httpx.Client(base_url=self.config.api_base, auth=ApiKeyAuth(os.environ["HEYGEN_API_KEY"]), timeout=30)
        self.session_id = None
        self.ws_url = None
        self.ws = None

    def open(self):
        """Create and start the streaming session; returns (livekit_url, token) for the viewer."""
        r = self.http.post(
            "/streaming.new",
            json={"avatar_id": self.config.avatar_id, "version": "v2", "video_encoding": "VP8"},
        )
        r.raise_for_status()
        data = r.json().get("data", {})
        self.session_id, self.ws_url = data["session_id"], data["realtime_endpoint"]
        self.http.post("/streaming.start", json={"session_id": self.session_id}).raise_for_status()
        log.info("avatar session %s started", self.session_id)
        return itemgetter("url", "access_token")(data)

    async def connect(self):
        self.ws = await websockets.connect(self.ws_url)

    async def say(self, pcm: bytes):
        """Stream one utterance: every chunk carries the same event id, then speak_end."""
        event_id = str(uuid.uuid4())
        for start in range(0, len(pcm), CHUNK_BYTES):
            chunk = base64.b64encode(pcm[start : start + CHUNK_BYTES]).decode()
            await self.ws.send(json.dumps({"type": "agent.speak", "event_id": event_id, "audio": chunk}))
        await self.ws.send(json.dumps({"type": "agent.speak_end", "event_id": event_id}))

    async def barge_in(self):
        await self.ws.send(json.dumps({"type": "agent.interrupt"}))

    async def close(self):
        if self.ws is not None:
            await self.ws.close()
        self.http.post("/streaming.stop", json={"session_id": self.session_id})
        self.http.close()
