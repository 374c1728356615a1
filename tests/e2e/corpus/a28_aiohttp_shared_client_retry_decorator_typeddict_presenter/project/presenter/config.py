import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    api_key: str
    avatar_id: str
    base_url: str = "https://api.heygen.com/v1"
    quality: str = "high"
    keepalive_seconds: float = 120.0
    request_timeout: float = 15.0
    extra_headers: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.environ.get("PRESENTER_AVATAR", "Kristin_public_2_20240108"),
            base_url=os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1"),
            keepalive_seconds=float(os.environ.get("PRESENTER_KEEPALIVE", "120")),
        )
