import os
from dataclasses import dataclass


@dataclass
class Settings:
    heygen_api_key: str
    heygen_base_url: str = "https://api.heygen.com"
    avatar_id: str = "Wayne_20240711"
    knowledge_base_id: str = ""
    voice_id: str = "1bd001e7e50f421d891986aad5158bc8"
    quality: str = "high"

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            heygen_api_key=os.environ["HEYGEN_API_KEY"],
            heygen_base_url=os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com"),
            avatar_id=os.environ.get("CONCIERGE_AVATAR", "Wayne_20240711"),
            knowledge_base_id=os.environ.get("CONCIERGE_KB_ID", ""),
        )
