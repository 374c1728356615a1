"""Lobby kiosk: one streaming avatar per boot, always stopped when the kiosk goes away."""

from __future__ import annotations

import logging
import os
import atexit

import requests

log = logging.getLogger("kiosk")

NEW_URL = "https://api.heygen.com/v1/streaming.new"
START_URL = "https://api.heygen.com/v1/streaming.start"
TASK_URL = "https://api.heygen.com/v1/streaming.task"
STOP_URL = "https://api.heygen.com/v1/streaming.stop"

_http = requests.Session()
_http.headers.update({"X-API-KEY": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"})


def _stop_session(session_id: str) -> None:
    try:
        _http.post(STOP_URL, json={"session_id": session_id}, timeout=10)
    except requests.RequestException:
        log.exception("could not stop %s", session_id)


class Kiosk:
    GREETING = "Welcome! I'm the lobby assistant. Ask me anything about the building."

    def __init__(self, session_id: str, livekit_url: str, viewer_token: str) -> None:
        self.session_id = session_id
        self.livekit_url = livekit_url
        self.viewer_token = viewer_token
        self._stopped = False
        atexit.register(self.shutdown)

    def __del__(self) -> None:
        self.shutdown()

    @classmethod
    def boot(cls, avatar_id: str | None = None) -> Kiosk:
        avatar_id = avatar_id or os.environ["KIOSK_AVATAR"]
        r = _http.post(
            NEW_URL,
            json={"avatar_id": avatar_id, "quality": "high", "knowledge_base_id": os.environ.get("KIOSK_KB")},
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        _http.post(START_URL, json={"session_id": data["session_id"]}, timeout=30).raise_for_status()
        return cls(data["session_id"], data["url"], data["access_token"])

    @property
    def alive(self) -> bool:
        return not self._stopped

    def _task(self, text: str, task_type: str) -> None:
        r = _http.post(TASK_URL, json={"session_id": self.session_id, "text": text, "task_type": task_type}, timeout=30)
        r.raise_for_status()

    def greet(self) -> None:
        self._task(self.GREETING, "repeat")

    def answer(self, question: str) -> None:
        self._task(question, "talk")

    def shutdown(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        atexit.unregister(self.shutdown)
        _stop_session(self.session_id)
