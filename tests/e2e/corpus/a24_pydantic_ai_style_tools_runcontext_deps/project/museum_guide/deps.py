from __future__ import annotations

import os
from dataclasses import dataclass, field

import httpx


@dataclass
class GuideDeps:
    http: httpx.AsyncClient
    avatar_id: str = field(default_factory=lambda: os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108"))
    session_id: str | None = None

    @classmethod
    def create(cls) -> "GuideDeps":
        client = httpx.AsyncClient(
            base_url="https://api.heygen.com",
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=25.0,
        )
        return cls(http=client)
