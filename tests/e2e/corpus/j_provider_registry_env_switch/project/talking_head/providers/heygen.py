from __future__ import annotations

import os

import requests

from .base import Provider, Stage

TASK_TYPES = {"repeat": "repeat", "answer": "chat"}


class HeyGenProvider(Provider):
    name = "heygen"

    def __init__(self) -> None:
        self.api_root = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com")
        self.api_key = os.environ["HEYGEN_API_KEY"]
        self.session_id: str | None = None

    def _call(self, path: str, **body) -> dict:
        resp = requests.post(
            self.api_root + path,
            json=body,
            headers={"x-api-key": self.api_key},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json().get("data") or {}

    def open(self) -> Stage:
        data = self._call(
            "/v1/streaming.new",
            avatar_id=os.environ["AVATAR_ID"],
            quality="medium",
            version="v2",
            knowledge_base_id=os.environ["KNOWLEDGE_BASE_ID"],
        )
        self.session_id = data["session_id"]
        self._call("/v1/streaming.start", session_id=self.session_id)
        return Stage(self.session_id, data["url"], data["access_token"])

    def say(self, text: str, *, kind: str = "repeat") -> None:
        self._call("/v1/streaming.task", session_id=self.session_id, text=text, task_type=TASK_TYPES[kind])

    def hush(self) -> None:
        self._call("/v1/streaming.interrupt", session_id=self.session_id)

    def close(self) -> None:
        if self.session_id:
            self._call("/v1/streaming.stop", session_id=self.session_id)
            self.session_id = None
