"""Front-desk settings. Everything comes from the environment (12-factor)."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    avatar_provider: str
    heygen_api_key: str
    heygen_api_url: str
    avatar_id: str
    openai_api_key: str | None
    openai_model: str

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            avatar_provider=os.getenv("AVATAR_PROVIDER", "heygen").lower(),
            heygen_api_key=os.getenv("HEYGEN_API_KEY", ""),
            heygen_api_url=os.getenv("HEYGEN_API_URL", "https://api.heygen.com/v1"),
            avatar_id=os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
            openai_api_key=os.getenv("OPENAI_API_KEY"),
            openai_model=os.getenv("OPENAI_MODEL", "gpt-4o-mini"),
        )
