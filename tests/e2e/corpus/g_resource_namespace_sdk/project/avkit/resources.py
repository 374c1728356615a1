from __future__ import annotations

from typing import Any

from ._transport import _Transport
from .types import Session, TaskResult


class Sessions:
    def __init__(self, transport: _Transport) -> None:
        self._t = transport

    def create(self, *, avatar_id: str, quality: str = "medium", **options: Any) -> Session:
        body = {"avatar_id": avatar_id, "quality": quality, "version": "v2", **options}
        return Session.from_api(self._t.request("POST", "/streaming.new", json=body))

    def start(self, session_id: str) -> None:
        self._t.request("POST", "/streaming.start", json={"session_id": session_id})

    def keep_alive(self, session_id: str) -> None:
        self._t.request("POST", "/streaming.keep_alive", json={"session_id": session_id})

    def stop(self, session_id: str) -> None:
        self._t.request("POST", "/streaming.stop", json={"session_id": session_id})


class Tasks:
    def __init__(self, transport: _Transport) -> None:
        self._t = transport

    def send(self, session_id: str, text: str, *, task_type: str = "repeat") -> TaskResult:
        data = self._t.request(
            "POST",
            "/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": task_type},
        )
        return TaskResult.from_api(data)

    def interrupt(self, session_id: str) -> None:
        self._t.request("POST", "/streaming.interrupt", json={"session_id": session_id})
