from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GuideSettings:
    base_url: str = "https://api.heygen.com"
    api_key: str = field(default_factory=lambda: os.environ["HEYGEN_API_KEY"])
    avatar_id: str = field(default_factory=lambda: os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108"))
    timeout: float = 15.0
    max_parallel: int = 2
