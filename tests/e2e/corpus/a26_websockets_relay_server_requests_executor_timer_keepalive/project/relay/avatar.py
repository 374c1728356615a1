import logging
import os
import threading

import requests

HEYGEN = os.environ.get("HEYGEN_URL", "https://api.heygen.com")
KEEPALIVE_SECONDS = int(os.environ.get("RELAY_KEEPALIVE", "120"))
log = logging.getLogger("relay.avatar")


class Avatar:
    def __init__(self):
        self.s = requests.Session()
        self.s.headers["x-api-key"] = os.environ["HEYGEN_API_KEY"]
        self.sid = None
        self._timer = None

    def call(self, ep, **payload):
        r = self.s.post(f"{HEYGEN}/v1/{ep}", json=payload, timeout=20)
        r.raise_for_status()
        return r.json()["data"]

    def active_sessions(self):
        r = self.s.get(f"{HEYGEN}/v1/streaming.list", timeout=20)
        r.raise_for_status()
        return [s["session_id"] for s in r.json()["data"]["sessions"]]

    def cleanup(self):
        """Close sessions a crashed relay left running (they count against the concurrency limit)."""
        for sid in self.active_sessions():
            log.warning("closing stale session %s", sid)
            self.call("streaming.stop", session_id=sid)

    def start(self):
        info = self.call(
            "streaming.new",
            avatar_id=os.environ.get("RELAY_AVATAR", "Wayne_20240711"),
            knowledge_base_id=os.environ.get("RELAY_KB", ""),
            version="v2",
        )
        self.sid = info["session_id"]
        self.call("streaming.start", session_id=self.sid)
        self._arm()
        return {"url": info["url"], "token": info["access_token"]}

    def _arm(self):
        self._timer = threading.Timer(KEEPALIVE_SECONDS, self._tick)
        self._timer.daemon = True
        self._timer.start()

    def _tick(self):
        self.ping()
        self._arm()

    def ping(self):
        if self.sid:
            self.call("streaming.keep_alive", session_id=self.sid)

    def say(self, text, task_type="repeat"):
        return self.call("streaming.task", session_id=self.sid, text=text, task_type=task_type)

    def cut(self):
        self.call("streaming.interrupt", session_id=self.sid)

    def bye(self):
        if self._timer:
            self._timer.cancel()
        if self.sid:
            self.call("streaming.stop", session_id=self.sid)
            self.sid = None
