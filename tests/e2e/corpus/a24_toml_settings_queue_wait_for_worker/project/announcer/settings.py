"""Typed settings, loaded once from announcer.toml next to the package."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CONFIG_FILE = Path(os.environ.get("ANNOUNCER_CONFIG", Path(__file__).parent.parent / "announcer.toml"))


@dataclass(frozen=True, slots=True)
class Settings:
    base_url: str
    api_key: str = field(repr=False)
    avatar: str
    idle_seconds: float = 30.0


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    doc = tomllib.loads(CONFIG_FILE.read_text(encoding="utf-8"))
    heygen = doc["heygen"]
    return Settings(
        base_url=heygen["base_url"],
        api_key=os.environ[heygen["key_env"]],
        avatar=os.environ.get("ANNOUNCER_AVATAR") or heygen["avatar"],
        idle_seconds=doc.get("worker", {}).get("idle_seconds", 30.0),
    )
