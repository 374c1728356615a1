"""Lobby kiosk: keeps one HeyGen streaming avatar alive while visitors come and go."""
import logging
import os
import threading
from dataclasses import dataclass

import requests

API = "https://api.heygen.com/v1"
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR_ID = os.environ.get("KIOSK_AVATAR_ID", "Anna_public_3_20240108")

log = logging.getLogger("kiosk")


def _headers():
    return {"x-api-key": API_KEY, "content-type": "application/json"}


@dataclass(frozen=True)
class StreamSession:
    session_id: str
    url: str
    access_token: str


def open_session(avatar_id=AVATAR_ID, quality="high"):
    resp = requests.post(
        f"{API}/streaming.new",
        headers=_headers(),
        json={"avatar_id": avatar_id, "quality": quality, "version": "v2", "activity_idle_timeout": 300},
        timeout=30,
    )
    resp.raise_for_status()
    data = resp.json()["data"]
    session = StreamSession(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])
    resp = requests.post(f"{API}/streaming.start", headers=_headers(), json={"session_id": session.session_id}, timeout=30)
    resp.raise_for_status()
    log.info("kiosk session %s", session.session_id)
    return session


def keep_alive(session):
    resp = requests.post(f"{API}/streaming.keep_alive", headers=_headers(), json={"session_id": session.session_id}, timeout=10)
    if not resp.ok:
        log.warning("keep_alive failed: %s %s", resp.status_code, resp.text)
    return resp.ok


def say(session, text):
    resp = requests.post(
        f"{API}/streaming.task",
        headers=_headers(),
        json={"session_id": session.session_id, "text": text, "task_type": "repeat"},
        timeout=30,
    )
    resp.raise_for_status()


def close_session(session):
    resp = requests.post(f"{API}/streaming.stop", headers=_headers(), json={"session_id": session.session_id}, timeout=30)
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
