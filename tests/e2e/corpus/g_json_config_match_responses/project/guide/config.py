"""Load the guide's settings from a JSON file."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True)
class GuideConfig:
    api_base: str
    api_key: str
    avatar_id: str
    knowledge_base_id: str | None
    quality: str = "medium"
    timeout: float = 30.0

    @classmethod
    def from_file(cls, path: str | Path) -> "GuideConfig":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        avatar = raw.get("avatar", {})
        kb = raw.get("knowledge_base", {})
        return cls(
            api_base=raw["api_base"].rstrip("/"),
            api_key=os.environ[raw.get("api_key_env", "HEYGEN_API_KEY")],
            avatar_id=os.environ.get(avatar.get("env", ""), avatar.get("default", "")),
            knowledge_base_id=os.environ.get(kb.get("env", "")) or None,
            quality=raw.get("quality", "medium"),
            timeout=float(raw.get("timeout", 30)),
        )
