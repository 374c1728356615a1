from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    heygen_api_key: str = ""
    heygen_base_url: str = "https://api.heygen.com/v1"
    avatar_id: str = "Anna_public_3_20240108"
    request_timeout: float = 30.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
