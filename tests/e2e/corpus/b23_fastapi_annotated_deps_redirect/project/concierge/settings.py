"""Service settings (pydantic-settings, read from the environment / .env)."""
from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_key: str = "concierge-dev"
    heygen_api_key: str = ""
    heygen_avatar_id: str = "Anna_public_3_20240108"
    heygen_knowledge_base_id: str | None = None
    heygen_quality: str = "low"
    viewer_base: str = "https://meet.livekit.io/custom"


@lru_cache
def get_settings() -> Settings:
    return Settings()
