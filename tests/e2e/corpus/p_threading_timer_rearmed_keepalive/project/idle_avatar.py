"""Avatar for a trade-show booth: stays alive while nobody talks to it."""
import os
import threading

import requests

API_HOST = os.environ.get("HEYGEN_API_HOST", "https://api.heygen.com")
HEADERS = {"X-API-KEY": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


class BoothAvatar:
    def __init__(self, avatar_id=None, idle_ping=None):
        self.avatar_id = avatar_id or os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
        self.idle_ping = idle_ping or float(os.environ.get("IDLE_PING_SECONDS", "240"))
        self.session_id = None
        self.pings = 0
        self._timer = None
        self._lock = threading.Lock()

    # -- plumbing -------------------------------------------------------
    def _call(self, endpoint, payload):
        with self._lock:
            res = requests.post(API_HOST + "/v1/" + endpoint, headers=HEADERS, json=payload, timeout=20)
        res.raise_for_status()
        self._rearm()
        return res.json()["data"]

    def _rearm(self):
        if self._timer is not None:
            self._timer.cancel()
        if self.session_id is None:
            return
        self._timer = threading.Timer(self.idle_ping, self._ping)
        self._timer.daemon = True
        self._timer.start()

    def _ping(self):
        try:
            self._call("streaming.keep_alive", {"session_id": self.session_id})
            self.pings += 1
        except requests.RequestException as exc:
            print("keep_alive failed:", exc)

    # -- public ---------------------------------------------------------
    def start(self):
        info = self._call("streaming.new", {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"})
        self.session_id = info["session_id"]
        self._call("streaming.start", {"session_id": self.session_id})
        return info["url"], info["access_token"]

    def say(self, text):
        return self._call("streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "async"})

    def listen(self):
        self._call("streaming.start_listening", {"session_id": self.session_id})

    def unlisten(self):
        self._call("streaming.stop_listening", {"session_id": self.session_id})

    def stop(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        sid, self.session_id = self.session_id, None
        if sid:
            requests.post(API_HOST + "/v1/streaming.stop", headers=HEADERS, json={"session_id": sid}, timeout=20)
