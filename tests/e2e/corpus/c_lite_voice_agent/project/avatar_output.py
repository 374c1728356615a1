"""Speaks the agent's TTS audio through a HeyGen streaming avatar (realtime WebSocket)."""
import base64
import json
import logging
import os
import uuid

import requests
import websockets

log = logging.getLogger("avatar_output")

HEYGEN_API = "https://api.heygen.com/v1"
AVATAR_ID = os.getenv("AGENT_AVATAR_ID", "Anna_public_3_20240108")
CHUNK_BYTES = 48000  # one second of 24 kHz PCM16 mono


class AvatarOutput:
    def __init__(self):
        self.headers = {"x-api-key": os.environ["HEYGEN_API_KEY"]}
        self.session_id = None
        self.ws_url = None
        self.ws = None

    def open(self):
        """Create and start the streaming session; returns (livekit_url, token) for the viewer."""
        resp = requests.post(
            f"{HEYGEN_API}/streaming.new",
            json={"avatar_id": AVATAR_ID, "version": "v2", "video_encoding": "VP8"},
            headers=self.headers,
            timeout=30,
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        self.ws_url = data["realtime_endpoint"]
        requests.post(
            f"{HEYGEN_API}/streaming.start",
            json={"session_id": self.session_id},
            headers=self.headers,
            timeout=30,
        ).raise_for_status()
        log.info("avatar session %s started", self.session_id)
        return data["url"], data["access_token"]

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
        requests.post(
            f"{HEYGEN_API}/streaming.stop",
            json={"session_id": self.session_id},
            headers=self.headers,
            timeout=30,
        )
