from __future__ import annotations

import os
from typing import Any

from .base import BaseAvatarClient, ProviderError, Room


class HeyGenClient(BaseAvatarClient):
    BASE_URL = "https://api.heygen.com"
    ENDPOINTS = {
        "create": "/v1/streaming.new",
        "start": "/v1/streaming.start",
        "task": "/v1/streaming.task",
        "keep_alive": "/v1/streaming.keep_alive",
        "stop": "/v1/streaming.stop",
    }

    @classmethod
    def from_env(cls) -> HeyGenClient:
        return cls(os.environ["HEYGEN_API_KEY"])

    def auth_headers(self) -> dict[str, str]:
        return {"X-Api-Key": self.api_key, "Content-Type": "application/json"}

    def unwrap(self, body: dict[str, Any]) -> Any:
        if body.get("code") != 100:
            raise ProviderError(body.get("message", "HeyGen error"))
        return body.get("data")

    def open(self, avatar_id: str, **options: Any) -> Room:
        data = self._call("create", avatar_id=avatar_id, quality="high", version="v2", **options)
        self._call("start", session_id=data["session_id"])
        return Room(data["session_id"], data["url"], data["access_token"])

    def speak(self, room: Room, text: str) -> None:
        self._call("task", session_id=room.session_id, text=text, task_type="repeat")

    def ask(self, room: Room, question: str) -> None:
        self._call("task", session_id=room.session_id, text=question, task_type="talk")

    def keep_alive(self, room: Room) -> None:
        self._call("keep_alive", session_id=room.session_id)

    def close(self, room: Room) -> None:
        self._call("stop", session_id=room.session_id)
