from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum

import requests


class TaskType(str, Enum):
    REPEAT = "repeat"
    CHAT = "chat"


@dataclass
class HeyGenConfig:
    api_key: str = field(default_factory=lambda: os.getenv("HEYGEN_API_KEY", ""))
    base_url: str = "https://api.heygen.com"
    api_version: str = "v1"
    timeout: float = 20.0


class StreamingClient:
    def __init__(self, cfg: HeyGenConfig | None = None) -> None:
        self.cfg = cfg or HeyGenConfig()
        self.http = requests.Session()
        self.http.headers.update({"Authorization": f"Bearer {self.cfg.api_key}"})

    def url(self, endpoint: str) -> str:
        return f"{self.cfg.base_url}/{self.cfg.api_version}/{endpoint}"

    def _post(self, endpoint: str, payload: dict) -> dict:
        r = self.http.post(self.url(endpoint), json=payload, timeout=self.cfg.timeout)
        r.raise_for_status()
        return r.json()["data"]

    def create(self, avatar_id: str, knowledge_base_id: str | None) -> dict:
        data = self._post(
            "streaming.new", {"avatar_id": avatar_id, "knowledge_base_id": knowledge_base_id, "version": "v2"}
        )
        self._post("streaming.start", {"session_id": data["session_id"]})
        return data

    def task(self, session_id: str, text: str, task_type: TaskType = TaskType.REPEAT) -> None:
        self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def stop(self, session_id: str) -> None:
        self._post("streaming.stop", {"session_id": session_id})

    def active(self) -> list[dict]:
        r = self.http.get(self.url("streaming.list"), timeout=self.cfg.timeout)
        r.raise_for_status()
        return r.json()["data"]["sessions"]
