"""Request and response shapes of the HeyGen streaming API (attrs)."""
from typing import Optional

import attrs


def _drop_none(attribute, value):
    return value is not None


@attrs.define
class Voice:
    voice_id: str
    rate: float = 1.0


@attrs.define
class NewSession:
    avatar_id: str
    quality: str = "medium"
    voice: Optional[Voice] = None
    knowledge_base_id: Optional[str] = None
    version: str = "v2"

    def to_json(self) -> dict:
        return attrs.asdict(self, filter=_drop_none)


@attrs.define
class Task:
    session_id: str
    text: str
    task_type: str = "repeat"

    def to_json(self) -> dict:
        return attrs.asdict(self)


@attrs.frozen
class Session:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_api(cls, data: dict) -> "Session":
        return cls(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])
