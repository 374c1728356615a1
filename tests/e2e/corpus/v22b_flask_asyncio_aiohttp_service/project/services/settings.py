import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    base_url: str = field(default_factory=lambda: os.getenv("HEYGEN_BASE", "https://api.heygen.com/v1"))
    api_key: str = field(default_factory=lambda: os.getenv("HEYGEN_API_KEY", ""))

    @property
    def headers(self):
        return {"X-Api-Key": self.api_key, "Content-Type": "application/json"}


SETTINGS = Settings()
