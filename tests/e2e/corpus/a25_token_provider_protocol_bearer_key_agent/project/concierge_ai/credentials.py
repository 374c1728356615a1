from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol


class TokenProvider(Protocol):
    async def token(self) -> str: ...


class EnvKeyProvider:
    """Development: the HeyGen API key from the environment."""

    def __init__(self, variable: str = "HEYGEN_API_KEY") -> None:
        self.variable = variable

    async def token(self) -> str:
        return os.environ[self.variable]


class VaultProvider:
    """Production: the key mounted by the secrets operator."""

    def __init__(self, path: str = "/var/run/secrets/heygen/api-key") -> None:
        self.path = Path(path)

    async def token(self) -> str:
        return self.path.read_text().strip()


def default_provider() -> TokenProvider:
    if os.environ.get("HEYGEN_KEY_FILE"):
        return VaultProvider(os.environ["HEYGEN_KEY_FILE"])
    return EnvKeyProvider()
