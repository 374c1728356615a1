"""Lobby kiosk: keeps one HeyGen streaming avatar alive while visitors come and go."""
import logging
import os
import threading
from dataclasses import dataclass

import requests

API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108")
ENDPOINT = "https://api.heygen.com/v1/streaming.{}"

log = logging.getLogger("kiosk")

http = requests.Session()
http.headers.update({"x-api-key": API_KEY})


class KioskError(RuntimeError):
    pass


def _data(resp):
    payload = resp.json()
    if payload.get("code") != 100:
        raise KioskError(payload.get("message"))
    return payload.get("data") or {}


@dataclass(frozen=True)
class StreamSession:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_api(cls, data):
        return cls(data["session_id"], data["url"], data["access_token"])


def open_session(avatar_id=AVATAR_ID, quality="high"):
    resp = http.post(
        ENDPOINT.format("new"),
        json={"avatar_id": avatar_id, "quality": quality, "version": "v2", "activity_idle_timeout": 300},
        timeout=30,
    )
    session = StreamSession.from_api(_data(resp))
    _data(http.post(ENDPOINT.format("start"), json={"session_id": session.session_id}, timeout=30))
    log.info("kiosk session %s", session.session_id)
    return session


def keep_alive(session):
    resp = http.post(ENDPOINT.format("keep_alive"), json={"session_id": session.session_id}, timeout=10)
    if not resp.ok:
        log.warning("keep_alive failed: %s %s", resp.status_code, resp.text)
    return resp.ok


def say(session, text):
    _data(http.post(ENDPOINT.format("task"), json={"session_id": session.session_id, "text": text, "task_type": "repeat"}, timeout=30))


def close_session(session):
    resp = http.post(ENDPOINT.format("stop"), json={"session_id": session.session_id}, timeout=30)
    log.info("stop -> %s", resp.status_code)


class Heartbeat:
    """Keeps the session from idling out while the kiosk waits for visitors."""

    def __init__(self, session, interval=60):
        self.session = session
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heygen-heartbeat", daemon=True)

    def _run(self):
        while not self._stop.wait(self.interval):
            keep_alive(self.session)

    def __enter__(self):
        keep_alive(self.session)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        return False
