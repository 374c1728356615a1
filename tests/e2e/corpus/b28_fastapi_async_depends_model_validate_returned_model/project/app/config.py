from functools import lru_cache
from typing import Optional

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    heygen_api_key: str
    heygen_base_url: str = "https://api.heygen.com"
    avatar_id: str = "Wayne_20240711"
    voice_id: Optional[str] = None
    http_timeout: float = 30.0


@lru_cache()
def get_settings() -> Settings:
    return Settings()
