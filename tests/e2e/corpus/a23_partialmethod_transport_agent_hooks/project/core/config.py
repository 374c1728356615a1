"""Runtime configuration, read once from the environment (prefix ``RECEPTION_``)."""
from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class ReceptionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RECEPTION_", extra="ignore")

    heygen_api_key: str = ""
    heygen_api_base: str = "https://api.heygen.com/v1"
    avatar_id: str = "Anna_public_3_20240108"
    quality: str = "medium"
    heartbeat_seconds: float = 45.0
    request_timeout: float = 20.0


@lru_cache
def get_settings() -> ReceptionSettings:
    import os

    settings = ReceptionSettings()
    if not settings.heygen_api_key:
        # the deployment keeps the vendor's own variable name
        settings.heygen_api_key = os.environ.get("HEYGEN_API_KEY", "")
    return settings
