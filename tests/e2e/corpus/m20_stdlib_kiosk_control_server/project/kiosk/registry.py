import logging
import os
import threading
import time

from . import heygen_api

log = logging.getLogger("kiosk.registry")

KEEPALIVE_SECONDS = float(os.environ.get("KIOSK_KEEPALIVE_SECONDS", "180"))


class SessionRegistry:
    """Sessions this kiosk opened, each with a keep-alive timer re-armed on every use."""

    def __init__(self):
        self._lock = threading.Lock()
        self._sessions = {}

    def add(self, session_id, info):
        with self._lock:
            self._sessions[session_id] = {"info": info, "created": time.time(), "timer": None}
        self.touch(session_id)

    def get(self, session_id):
        with self._lock:
            entry = self._sessions.get(session_id)
            return entry and entry["info"]

    def touch(self, session_id):
        with self._lock:
            entry = self._sessions.get(session_id)
            if entry is None:
                return
            if entry["timer"]:
                entry["timer"].cancel()
            timer = threading.Timer(KEEPALIVE_SECONDS, self._ping, args=(session_id,))
            timer.daemon = True
            entry["timer"] = timer
            timer.start()

    def _ping(self, session_id):
        try:
            heygen_api.keep_alive(session_id)
        except Exception as exc:  # noqa
            log.warning("keep-alive for %s failed: %s", session_id, exc)
        self.touch(session_id)

    def remove(self, session_id):
        with self._lock:
            entry = self._sessions.pop(session_id, None)
        if entry and entry["timer"]:
            entry["timer"].cancel()
        return entry is not None

    def count(self):
        with self._lock:
            return len(self._sessions)
