from functools import lru_cache
from typing import Literal, Optional

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    heygen_api_key: str = Field(..., alias="HEYGEN_API_KEY")
    heygen_api_base: str = "https://api.heygen.com/v1"
    avatar_provider: Literal["heygen"] = "heygen"
    avatar_id: str = Field("Anna_public_3_20240108", alias="AVATAR_ID")
    knowledge_base_id: Optional[str] = Field(None, alias="KNOWLEDGE_BASE_ID")
    quality: str = "medium"
    request_timeout: float = 20.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
