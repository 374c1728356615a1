"""Pushes our own TTS audio to a HeyGen streaming avatar over its realtime WebSocket.

REST (requests) opens and closes the session; websocket-client's WebSocketApp runs the
realtime socket on a daemon thread and we send PCM16 24 kHz chunks from the caller's thread.
"""
import base64
import json
import logging
import os
import threading
import uuid

import requests
import websocket

log = logging.getLogger("lipsync")

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")
CHUNK_BYTES = 24000 * 2  # one second of PCM16 at 24 kHz


class LipsyncBridge:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ["LIPSYNC_AVATAR"]
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {os.environ['HEYGEN_API_KEY']}"
        self.session_id = None
        self.ws = None
        self._thread = None
        self._connected = threading.Event()
        self.events = []

    def _rest(self, endpoint, **body):
        r = self.http.post(f"{HEYGEN_BASE}/v1/streaming.{endpoint}", json=body, timeout=30)
        if not r.ok:
            raise RuntimeError(f"streaming.{endpoint}: HTTP {r.status_code}: {r.text}")
        return r.json()["data"]

    # -- websocket-client callbacks ------------------------------------------------------
    def _on_open(self, ws):
        log.info("realtime socket open")

    def _on_message(self, ws, message):
        event = json.loads(message)
        self.events.append(event.get("type"))
        if event.get("type") == "session.state_updated" and event.get("state") == "connected":
            self._connected.set()

    def _on_error(self, ws, error):
        log.error("realtime socket error: %s", error)

    def _on_close(self, ws, code, reason):
        log.info("realtime socket closed (%s %s)", code, reason)

    # -- public API ----------------------------------------------------------------------
    def start(self):
        """Open the session and the realtime socket; returns (livekit_url, viewer_token)."""
        info = self._rest("new", avatar_id=self.avatar_id, quality="medium", version="v2", video_encoding="VP8")
        self.session_id = info["session_id"]
        self._rest("start", session_id=self.session_id)
        self.ws = websocket.WebSocketApp(
            info["realtime_endpoint"],
            on_open=self._on_open,
            on_message=self._on_message,
            on_error=self._on_error,
            on_close=self._on_close,
        )
        self._thread = threading.Thread(target=self.ws.run_forever, kwargs={"ping_interval": 20}, daemon=True)
        self._thread.start()
        if not self._connected.wait(timeout=10):
            raise RuntimeError("avatar realtime socket never connected")
        return info["url"], info["access_token"]

    def say_pcm(self, pcm):
        """Lip-sync one utterance of PCM16 audio."""
        for i in range(0, len(pcm), CHUNK_BYTES):
            chunk = base64.b64encode(pcm[i : i + CHUNK_BYTES]).decode()
            self.ws.send(json.dumps({"type": "agent.audio_buffer_append", "audio": chunk, "event_id": str(uuid.uuid4())}))
        self.ws.send(json.dumps({"type": "agent.audio_buffer_commit", "event_id": str(uuid.uuid4())}))

    def barge_in(self):
        self.ws.send(json.dumps({"type": "agent.audio_buffer_clear", "event_id": str(uuid.uuid4())}))

    def stop(self):
        if self.ws is not None:
            self.ws.close()
            self._thread.join(timeout=5)
        if self.session_id:
            self._rest("stop", session_id=self.session_id)
            self.session_id = None
