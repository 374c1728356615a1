import os
from functools import lru_cache


class Settings:
    def __init__(self) -> None:
        self.heygen_api_key = os.environ["HEYGEN_API_KEY"]
        self.heygen_base = os.getenv("HEYGEN_BASE", "https://api.heygen.com")
        self.avatar_id = os.getenv("AVATAR_ID", "Wayne_20240711")
        self.knowledge_base_id = os.getenv("KNOWLEDGE_BASE_ID")


@lru_cache
def get_settings() -> Settings:
    return Settings()
