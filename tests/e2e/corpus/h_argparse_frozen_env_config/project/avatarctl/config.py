from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Everything avatarctl needs, read once from HEYGEN_* environment variables."""

    api_key: str
    base_url: str = "https://api.heygen.com"
    avatar_id: str = "Wayne_20240711"
    voice_id: str | None = None
    knowledge_base_id: str | None = None
    quality: str = "low"
    timeout: float = 20.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Config:
        try:
            api_key = environ["HEYGEN_API_KEY"]
        except KeyError:
            raise SystemExit("avatarctl: HEYGEN_API_KEY is not set") from None
        return cls(
            api_key=api_key,
            base_url=environ.get("HEYGEN_BASE_URL", cls.base_url).rstrip("/"),
            avatar_id=environ.get("HEYGEN_AVATAR_ID", cls.avatar_id),
            voice_id=environ.get("HEYGEN_VOICE_ID") or None,
            knowledge_base_id=environ.get("HEYGEN_KB_ID") or None,
            quality=environ.get("HEYGEN_QUALITY", cls.quality),
            timeout=float(environ.get("HEYGEN_TIMEOUT", cls.timeout)),
        )
