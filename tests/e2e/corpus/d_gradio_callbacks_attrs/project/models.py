from typing import Any, Dict, Optional

import attrs


@attrs.define(frozen=True)
class SessionInfo:
    session_id: str
    url: str
    access_token: str
    session_duration_limit: Optional[int] = None

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "SessionInfo":
        return cls(
            session_id=d["session_id"],
            url=d["url"],
            access_token=d["access_token"],
            session_duration_limit=d.get("session_duration_limit"),
        )


@attrs.define
class TaskResult:
    task_id: Optional[str] = None
    duration_ms: Optional[float] = None

    @classmethod
    def from_dict(cls, d: Optional[Dict[str, Any]]) -> "TaskResult":
        d = d or {}
        return cls(task_id=d.get("task_id"), duration_ms=d.get("duration_ms"))
