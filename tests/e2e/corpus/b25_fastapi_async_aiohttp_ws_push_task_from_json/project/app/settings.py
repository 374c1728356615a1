from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    heygen_api_key: str = Field(..., alias="HEYGEN_API_KEY")
    heygen_api_base: str = "https://api.heygen.com"
    avatar_id: str = Field("Anna_public_3_20240108", alias="TUTOR_AVATAR")
    knowledge_base_id: str | None = Field(None, alias="TUTOR_KB")


@lru_cache
def get_settings() -> Settings:
    return Settings()
