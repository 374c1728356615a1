"""Puts a face on the phone bot: the bot's TTS audio is lip-synced by a HeyGen avatar.

Synchronous on purpose: the telephony SDK calls us from its own worker threads.
"""
import base64
import json
import logging
import os
import uuid

import httpx
from websockets.sync.client import connect as ws_connect

log = logging.getLogger("phone_avatar")

SAMPLE_RATE = 24000
BYTES_PER_MS = SAMPLE_RATE * 2 // 1000
FIRST_CHUNK_MS = 600
CHUNK_MS = 1000


class PhoneAvatar:
    def __init__(self, api_key, avatar_id):
        self.http = httpx.Client(
            base_url="https://api.heygen.com/v1",
            headers={"X-Api-Key": api_key},
            timeout=20.0,
        )
        self.avatar_id = avatar_id
        self.session_id = None
        self.realtime_url = None
        self.ws = None

    @classmethod
    def from_env(cls):
        return cls(os.environ["HEYGEN_API_KEY"], os.environ.get("PHONE_AVATAR_ID", "Wayne_20240711"))

    def open(self):
        r = self.http.post("/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2", "video_encoding": "H264"})
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.realtime_url = data["realtime_endpoint"]
        self.http.post("/streaming.start", json={"session_id": self.session_id}).raise_for_status()
        return data["url"], data["access_token"]

    def connect(self):
        self.ws = ws_connect(self.realtime_url, open_timeout=10)
        while True:  # anything sent before "connected" is dropped
            msg = json.loads(self.ws.recv(timeout=10))
            if msg.get("type") == "session.state_updated" and msg.get("state") == "connected":
                break
            log.debug("waiting for connected: %s", msg)

    def _send(self, message):
        self.ws.send(json.dumps(message))

    def play(self, pcm):
        event_id = uuid.uuid4().hex
        pos, size = 0, FIRST_CHUNK_MS * BYTES_PER_MS
        while pos < len(pcm):
            chunk = pcm[pos : pos + size]
            self._send({"type": "agent.speak", "event_id": event_id, "audio": base64.b64encode(chunk).decode("ascii")})
            pos += size
            size = CHUNK_MS * BYTES_PER_MS
        self._send({"type": "agent.speak_end", "event_id": event_id})
        self._send({"type": "agent.start_listening", "event_id": uuid.uuid4().hex})

    def keep_alive(self):
        self._send({"type": "session.keep_alive", "event_id": uuid.uuid4().hex})

    def barge_in(self):
        self._send({"type": "agent.interrupt"})

    def close(self):
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        if self.session_id:
            self.http.post("/streaming.stop", json={"session_id": self.session_id})
            self.session_id = None
        self.http.close()
