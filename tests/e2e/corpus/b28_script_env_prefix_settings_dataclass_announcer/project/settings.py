"""12-factor settings: every HEYGEN_* variable of the environment, prefix stripped.

HEYGEN_API_KEY -> settings.api_key, HEYGEN_AVATAR_ID -> settings.avatar_id, ...
"""
import os
from dataclasses import dataclass, fields

PREFIX = "HEYGEN_"


@dataclass(frozen=True)
class Settings:
    api_key: str
    avatar_id: str = "Wayne_20240711"
    base_url: str = "https://api.heygen.com"
    quality: str = "low"

    @classmethod
    def from_env(cls, environ=None):
        environ = os.environ if environ is None else environ
        known = {f.name for f in fields(cls)}
        values = {
            name[len(PREFIX):].lower(): value
            for name, value in environ.items()
            if name.startswith(PREFIX) and name[len(PREFIX):].lower() in known
        }
        if "api_key" not in values:
            raise SystemExit(f"set {PREFIX}API_KEY")
        return cls(**values)
