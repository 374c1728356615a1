"""What the avatar API hands back, as plain dataclasses."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RealtimeSession:
    session_id: str
    realtime_endpoint: str
    url: str
    access_token: str

    @classmethod
    def from_api(cls, body: dict[str, Any]) -> "RealtimeSession":
        if body.get("code") != 100:
            raise ValueError(f"avatar API refused the session: {body.get('message')}")
        data = body["data"]
        return cls(
            session_id=data["session_id"],
            realtime_endpoint=data["realtime_endpoint"],
            url=data["url"],
            access_token=data["access_token"],
        )
