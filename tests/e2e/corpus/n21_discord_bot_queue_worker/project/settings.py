import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    api_key: str
    base_url: str = "https://api.heygen.com"
    avatar_name: str = "Anna_public_3_20240108"
    voice_id: str = ""
    quality: str = "medium"
    page_title: str = "Avatar room"

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            api_key=os.environ.get("HEYGEN_API_KEY", ""),
            base_url=os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com"),
            avatar_name=os.environ.get("AVATAR_NAME", "Anna_public_3_20240108"),
            voice_id=os.environ.get("HEYGEN_VOICE_ID", ""),
            quality=os.environ.get("AVATAR_QUALITY", "medium"),
        )
