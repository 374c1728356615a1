from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from the environment (HEYGEN_API_KEY, HEYGEN_AVATAR_ID, ...)."""

    model_config = SettingsConfigDict(env_prefix="HEYGEN_", extra="ignore")

    api_key: str
    api_base: str = "https://api.heygen.com/v1"
    avatar_id: str = "Wayne_20240711"
    voice_id: str | None = None
    quality: str = "medium"
    request_timeout: float = 20.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
