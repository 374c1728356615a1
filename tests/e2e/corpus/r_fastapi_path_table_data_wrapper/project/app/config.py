from functools import lru_cache

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    heygen_api_key: str
    heygen_api_url: str = "https://api.heygen.com/v1"
    heygen_avatar_id: str = "Tyler-incasualsuit-20220721"
    heygen_knowledge_base_id: str | None = None


@lru_cache
def get_settings() -> Settings:
    return Settings()
