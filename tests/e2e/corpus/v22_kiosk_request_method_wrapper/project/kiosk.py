"""Lobby kiosk: keeps one HeyGen streaming avatar alive while visitors come and go."""
import logging
import os
import threading
from dataclasses import dataclass

import requests

API = os.environ.get("HEYGEN_API", "https://api.heygen.com/v1")
AVATAR_ID = os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108")
FIELDS = ("session_id", "url", "access_token")

log = logging.getLogger("kiosk")


class KioskError(RuntimeError):
    pass


def _api(method, path, **kwargs):
    headers = {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "content-type": "application/json"}
    resp = requests.request(method, API + path, headers=headers, timeout=30, **kwargs)
    if not resp.ok:
        raise KioskError(f"{method} {path}: {resp.status_code} {resp.text}")
    return resp.json().get("data") or {}


@dataclass(frozen=True)
class StreamSession:
    session_id: str
    url: str
    access_token: str


def open_session(avatar_id=AVATAR_ID, quality="high"):
    data = _api("POST", "/streaming.new", json={"avatar_id": avatar_id, "quality": quality, "version": "v2"})
    session = StreamSession(*map(data.get, FIELDS))
    _api("POST", "/streaming.start", json={"session_id": session.session_id})
    log.info("kiosk session %s", session.session_id)
    return session


def keep_alive(session):
    try:
        _api("POST", "/streaming.keep_alive", json={"session_id": session.session_id})
        return True
    except KioskError as exc:
        log.warning("keep_alive failed: %s", exc)
        return False


def say(session, text):
    _api("POST", "/streaming.task", json={"session_id": session.session_id, "text": text, "task_type": "repeat"})


def close_session(session):
    _api("POST", "/streaming.stop", json={"session_id": session.session_id})


class Heartbeat:
    """Keeps the session from idling out while the kiosk waits for visitors."""

    def __init__(self, session, interval=60):
        self.session = session
        self.interval = interval
        self._timer = None
        self._lock = threading.Lock()
        self._running = False

    def _beat(self):
        with self._lock:
            if not self._running:
                return
            self._timer = threading.Timer(self.interval, self._beat)
            self._timer.daemon = True
            self._timer.start()
        keep_alive(self.session)

    def __enter__(self):
        keep_alive(self.session)
        with self._lock:
            self._running = True
            self._timer = threading.Timer(self.interval, self._beat)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc):
        with self._lock:
            self._running = False
            if self._timer is not None:
                self._timer.cancel()
        return False
