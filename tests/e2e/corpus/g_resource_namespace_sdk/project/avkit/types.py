from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Session:
    id: str
    url: str
    access_token: str

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> "Session":
        return cls(id=data["session_id"], url=data["url"], access_token=data["access_token"])


@dataclass(frozen=True)
class TaskResult:
    task_id: str | None
    duration_ms: float | None

    @classmethod
    def from_api(cls, data: dict[str, Any] | None) -> "TaskResult":
        data = data or {}
        return cls(task_id=data.get("task_id"), duration_ms=data.get("duration_ms"))
