from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    heygen_api_key: str
    heygen_base_url: str = "https://api.heygen.com"
    request_timeout: float = 10.0
    max_retries: int = 3


@lru_cache
def get_settings() -> Settings:
    return Settings()
