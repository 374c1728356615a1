import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


@dataclass(frozen=True)
class Settings:
    heygen_api_key: str
    heygen_api_url: str = "https://api.heygen.com/v1"
    heygen_avatar_id: str = "Tyler-incasualsuit-20220721"
    heygen_knowledge_base_id: Optional[str] = None


@lru_cache
def get_settings() -> Settings:
    return Settings(
        heygen_api_key=os.environ["HEYGEN_API_KEY"],
        heygen_api_url=os.environ.get("HEYGEN_API_URL", "https://api.heygen.com/v1"),
        heygen_avatar_id=os.environ.get("HEYGEN_AVATAR_ID", "Tyler-incasualsuit-20220721"),
        heygen_knowledge_base_id=os.environ.get("HEYGEN_KNOWLEDGE_BASE_ID"),
    )
