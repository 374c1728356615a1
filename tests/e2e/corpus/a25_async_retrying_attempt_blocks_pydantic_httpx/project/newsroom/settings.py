from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    api_base: str
    api_key: str
    avatar_id: str
    timeout: float = 20.0

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            api_base=os.environ.get("HEYGEN_BASE", "https://api.heygen.com"),
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.environ.get("ANCHOR_AVATAR_ID", "Anna_public_3_20240108"),
        )
