"""HeyGen concierge avatar client."""
from __future__ import annotations

import os
from typing import Any, Mapping, Optional

import requests

from .types import NewSessionRequest, SessionInfo, TaskRequest, VoiceSettings

API_BASE = "https://api.heygen.com/v1"


class ConciergeClient:
    def __init__(self, api_key: Optional[str] = None) -> None:
        self._http = requests.Session()
        self._http.headers["x-api-key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = os.environ.get("CONCIERGE_AVATAR", "Anna_public_3_20240108")
        self.knowledge_base_id = os.environ.get("CONCIERGE_KB")
        self.session_id: Optional[str] = None

    def _post(self, path: str, body: Mapping[str, Any]) -> dict:
        resp = self._http.post(f"{API_BASE}{path}", json=body, timeout=30)
        resp.raise_for_status()
        return resp.json()

    def open_session(self) -> SessionInfo:
        req = NewSessionRequest(
            avatar_id=self.avatar_id,
            quality="high",
            version="v2",
            voice=VoiceSettings(rate=1.0, emotion="friendly"),
            language="en",
        )
        if self.knowledge_base_id:
            req["knowledge_base_id"] = self.knowledge_base_id
        body = self._post("/streaming.new", req)
        info: SessionInfo = body["data"]
        self.session_id = info["session_id"]
        self._post("/streaming.start", {"session_id": self.session_id})
        return info

    def _task(self, text: str, task_type: str) -> None:
        req = TaskRequest(session_id=self.session_id, text=text, task_type=task_type, task_mode="sync")
        self._post("/streaming.task", req)

    def greet(self, text: str) -> None:
        self._task(text, "repeat")

    def ask(self, question: str) -> None:
        self._task(question, "chat")

    def close(self) -> None:
        if self.session_id:
            self._post("/streaming.stop", {"session_id": self.session_id})
            self.session_id = None
