from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONCIERGE_", env_file=".env", extra="ignore")

    heygen_base: str = "https://api.heygen.com"
    heygen_api_key: str = ""
    avatar_id: str = "Anna_public_3_20240108"
    knowledge_base_id: str | None = None
    keepalive_seconds: float = 60.0


@lru_cache
def get_settings() -> Settings:
    import os

    s = Settings()
    if not s.heygen_api_key:
        s.heygen_api_key = os.environ.get("HEYGEN_API_KEY", "")
    return s
