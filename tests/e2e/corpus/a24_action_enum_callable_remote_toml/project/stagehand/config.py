"""Settings: a frozen dataclass read from stagehand.toml (tomllib), env overrides on top."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "stagehand.toml"


@dataclass(frozen=True)
class AvatarConfig:
    api_base: str
    api_key: str
    avatar_id: str
    quality: str = "medium"
    request_timeout: float = 20.0

    @classmethod
    def load(cls, path: Path | str = DEFAULT_PATH) -> "AvatarConfig":
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
        avatar = raw["avatar"]
        return cls(
            api_base=avatar["api_base"].rstrip("/"),
            api_key=os.environ.get(avatar.get("api_key_env", "HEYGEN_API_KEY"), ""),
            avatar_id=os.environ.get("STAGEHAND_AVATAR", avatar["avatar_id"]),
            quality=avatar.get("quality", "medium"),
            request_timeout=float(raw.get("timing", {}).get("request_timeout", 20.0)),
        )
