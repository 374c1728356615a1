"""Runtime settings, read once from the environment."""
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    api_key: str = field(default_factory=lambda: os.environ["HEYGEN_API_KEY"], repr=False)
    api_url: str = os.getenv("HEYGEN_API_URL", "https://api.heygen.com/v1/")
    avatar_id: str = os.getenv("CONCIERGE_AVATAR", "Anna_public_3_20240108")
    knowledge_base_id: str = os.getenv("CONCIERGE_KB", "")
    quality: str = "medium"
    request_timeout: float = 15.0


settings = Settings()
