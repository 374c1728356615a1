"""Settings for the museum guide screens, read from the environment (or a .env file)."""
from functools import lru_cache

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class GuideSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # the old deploy scripts exported HEYGEN_KEY, the new ones HEYGEN_API_KEY
    api_key: str = Field(validation_alias=AliasChoices("HEYGEN_API_KEY", "HEYGEN_KEY"))
    api_base: str = Field(default="https://api.heygen.com", validation_alias="GUIDE_API_BASE")
    avatar_id: str = Field(validation_alias="GUIDE_AVATAR")
    voice_id: str = Field(validation_alias="GUIDE_VOICE")
    kb_prefix: str = "exhibit-"
    timeout: float = 20.0


@lru_cache
def settings() -> GuideSettings:
    return GuideSettings()
