from __future__ import annotations

import os
from typing import TypedDict


class SessionConfig(TypedDict, total=False):
    avatar_id: str
    quality: str
    version: str
    language: str
    knowledge_base_id: str
    activity_idle_timeout: int


DEFAULTS: SessionConfig = {
    "quality": "medium",
    "version": "v2",
    "activity_idle_timeout": 120,
}


def from_env() -> SessionConfig:
    cfg: SessionConfig = {"avatar_id": os.environ.get("LOBBY_AVATAR_ID", "Anna_public_3_20240108")}
    if kb := os.environ.get("LOBBY_KB_ID"):
        cfg["knowledge_base_id"] = kb
    return cfg
