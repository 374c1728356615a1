"""Settings for the phone-bot face (env prefix ``FACE_``)."""
from pydantic_settings import BaseSettings, SettingsConfigDict


class FaceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FACE_")

    api_base: str = "https://api.heygen.com/v1"
    api_key: str = ""
    avatar_id: str = "Anna_public_3_20240108"
    connect_timeout: float = 10.0
    chunk_ms: int = 200


settings = FaceSettings()
if not settings.api_key:
    import os

    settings.api_key = os.environ.get("HEYGEN_API_KEY", "")
