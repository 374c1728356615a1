from __future__ import annotations

import os

import attrs


@attrs.frozen
class PresenterConfig:
    api_base: str = "https://api.heygen.com/v1"
    api_key: str = attrs.field(factory=lambda: os.environ["HEYGEN_API_KEY"], repr=False)
    avatar_id: str = attrs.field(factory=lambda: os.environ.get("SHOWROOM_AVATAR", "Anna_public_3_20240108"))


@attrs.frozen
class NewSessionRequest:
    avatar_id: str
    quality: str = "high"
    version: str = "v2"


@attrs.frozen
class TaskRequest:
    session_id: str
    text: str
    task_type: str = "repeat"


@attrs.frozen
class LiveSession:
    session_id: str
    url: str
    token: str
    speaking: bool = False

    @classmethod
    def from_api(cls, data: dict) -> "LiveSession":
        return cls(session_id=data["session_id"], url=data["url"], token=data["access_token"])
