import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Config:
    heygen_api_key: str = field(default_factory=lambda: os.getenv("HEYGEN_API_KEY", ""))
    heygen_base_url: str = "https://api.heygen.com"
    avatar_id: str = field(default_factory=lambda: os.getenv("APP_AVATAR_ID", "Anna_public_3_20240108"))
    avatar_quality: str = "medium"
