"""The museum's talking guide."""
from __future__ import annotations

import os

import requests

from .models import StreamingSession

API = "https://api.heygen.com/v1"


class Guide:
    def __init__(self, api_key: str | None = None):
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]})
        self.current: StreamingSession | None = None

    def _post(self, endpoint: str, payload: dict) -> dict:
        r = self.http.post(f"{API}/{endpoint}", json=payload, timeout=30)
        r.raise_for_status()
        return r.json()["data"]

    def start(self, avatar_id: str) -> StreamingSession:
        raw = self._post("streaming.new", {"avatar_id": avatar_id, "quality": "medium", "version": "v2"})
        session = StreamingSession.from_dict(raw)
        self._post("streaming.start", {"session_id": session.session_id})
        self.current = session
        return session

    def tell(self, text: str) -> None:
        assert self.current is not None
        self._post("streaming.task", {"session_id": self.current.session_id, "text": text, "task_type": "repeat"})

    def finish(self) -> None:
        if self.current is not None:
            self._post("streaming.stop", {"session_id": self.current.session_id})
            self.current = None
