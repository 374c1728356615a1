import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    api_key: str = os.environ.get("HEYGEN_API_KEY", "")
    api_url: str = "https://api.heygen.com"
    avatar: str = os.environ.get("HELPDESK_AVATAR", "Anna_public_3_20240108")


def get_settings() -> Settings:
    return Settings()
