import os
from dataclasses import dataclass, field
from typing import Optional

from dotenv import load_dotenv

load_dotenv()  # .env next to the working dir

# TODO remove once everybody has the new .env
_OLD_NAMES = {"HEYGEN_KEY": "HEYGEN_API_KEY", "AVATAR": "AGENT_AVATAR_ID"}
for old, new in _OLD_NAMES.items():
    if old in os.environ and new not in os.environ:
        os.environ[new] = os.environ[old]


@dataclass
class Settings:
    api_key: str = field(default_factory=lambda: os.getenv("HEYGEN_API_KEY", ""))
    base_url: str = field(default_factory=lambda: os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com"))
    avatar_id: str = field(default_factory=lambda: os.getenv("AGENT_AVATAR_ID", ""))
    knowledge_base_id: Optional[str] = field(default_factory=lambda: os.getenv("AGENT_KB_ID"))
    quality: str = field(default_factory=lambda: os.getenv("AGENT_QUALITY", "medium"))
    language: str = field(default_factory=lambda: os.getenv("AGENT_LANGUAGE", "en"))
    heartbeat_seconds: float = field(default_factory=lambda: float(os.getenv("AGENT_HEARTBEAT_SECONDS", "60")))
    max_retries: int = field(default_factory=lambda: int(os.getenv("AGENT_MAX_RETRIES", "3")))
    use_own_llm: bool = field(default_factory=lambda: os.getenv("AGENT_OWN_LLM", "0") == "1")

    def validate(self):
        missing = [n for n in ("api_key", "avatar_id") if not getattr(self, n)]
        if missing:
            raise RuntimeError(f"missing settings: {', '.join(missing)}")
        return self
