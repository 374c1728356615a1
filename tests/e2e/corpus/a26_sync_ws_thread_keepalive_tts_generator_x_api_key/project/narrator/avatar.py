import base64
import json
import os
import threading
import time
import uuid

import requests
from websockets.sync.client import connect

API = "https://api.heygen.com/v1/"
HEADERS = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
KEEPALIVE_EVERY = float(os.environ.get("NARRATOR_KEEPALIVE", "60"))


class NarratorAvatar:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ.get("NARRATOR_AVATAR", "Wayne_20240711")
        self.session = None
        self.ws = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._pinger = None

    def __enter__(self):
        r = requests.post(API + "streaming.new", headers=HEADERS, json={"avatar_id": self.avatar_id, "version": "v2"}, timeout=30)
        r.raise_for_status()
        self.session = r.json()["data"]
        r = requests.post(API + "streaming.start", headers=HEADERS, json={"session_id": self.session["session_id"]}, timeout=30)
        r.raise_for_status()
        self.ws = connect(self.session["realtime_endpoint"], open_timeout=10)
        while True:
            event = json.loads(self.ws.recv(timeout=10))
            if event.get("type") == "session.state_updated" and event.get("state") == "connected":
                break
        self._pinger = threading.Thread(target=self._keepalive, daemon=True)
        self._pinger.start()
        return self

    def room(self):
        return self.session["url"], self.session["access_token"]

    def _send(self, message):
        with self._lock:
            self.ws.send(json.dumps(message))

    def _keepalive(self):
        while not self._stop.wait(KEEPALIVE_EVERY):
            self._send({"type": "session.keep_alive"})

    def ping(self):
        self._send({"type": "session.keep_alive"})

    def narrate(self, paragraph, tts):
        event_id = uuid.uuid4().hex
        for pcm in tts(paragraph):
            self._send({"type": "agent.speak", "audio": base64.b64encode(pcm).decode(), "event_id": event_id})
        self._send({"type": "agent.speak_end", "event_id": event_id})

    def __exit__(self, *exc):
        self._stop.set()
        time.sleep(0.3)
        if self.ws is not None:
            self.ws.close()
        if self.session is not None:
            requests.post(API + "streaming.stop", headers=HEADERS, json={"session_id": self.session["session_id"]}, timeout=30)
        return False
