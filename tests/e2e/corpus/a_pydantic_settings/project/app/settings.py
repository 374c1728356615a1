from functools import lru_cache
from typing import Literal, Optional

from pydantic_settings import BaseSettings, SettingsConfigDict


class HeyGenSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HEYGEN_", extra="ignore")

    api_key: str
    api_base: str = "https://api.heygen.com"
    avatar_id: str = "Anna_public_3_20240108"
    knowledge_base_id: Optional[str] = None
    language: Optional[str] = None
    quality: Literal["low", "medium", "high"] = "medium"
    timeout_s: float = 20.0


@lru_cache
def get_settings() -> HeyGenSettings:
    return HeyGenSettings()
