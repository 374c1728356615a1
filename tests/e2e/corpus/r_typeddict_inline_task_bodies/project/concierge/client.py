from __future__ import annotations

import os
from typing import Any, Optional

import requests

from .types import NewSessionRequest, SessionInfo, TaskRequest, VoiceSettings

BASE = "https://api.heygen.com/v1/"


class ConciergeClient:
    def __init__(self, api_key: Optional[str] = None) -> None:
        self._key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = os.environ.get("CONCIERGE_AVATAR", "Anna_public_3_20240108")
        self.knowledge_base_id = os.environ.get("CONCIERGE_KB")
        self.session_id: Optional[str] = None

    def _post(self, op: str, body: Any) -> dict:
        r = requests.post(BASE + op, json=body, headers={"X-Api-Key": self._key}, timeout=30)
        if not r.ok:
            raise RuntimeError(r.text)
        return r.json()

    def open_session(self) -> SessionInfo:
        req: NewSessionRequest = {"avatar_id": self.avatar_id, "quality": "high", "version": "v2", "voice": VoiceSettings(rate=1.0), "language": "en"}
        if self.knowledge_base_id:
            req.update(knowledge_base_id=self.knowledge_base_id)
        info: SessionInfo = self._post("streaming.new", req).get("data", {})
        self.session_id = info["session_id"]
        self._post("streaming.start", {"session_id": self.session_id})
        return info

    def _task(self, text: str, task_type: str) -> None:
        self._post("streaming.task", TaskRequest(session_id=self.session_id, text=text, task_type=task_type))

    def greet(self, text: str) -> None:
        self._task(text, "repeat")

    def ask(self, question: str) -> None:
        self._task(question, "chat")

    def close(self) -> None:
        if not self.session_id:
            return
        self._post("streaming.stop", {"session_id": self.session_id})
        self.session_id = None
