"""Server-side HeyGen calls shared by the Vercel functions."""
import os

import httpx
from pydantic import BaseModel

API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")


class TokenData(BaseModel):
    token: str


def create_token() -> str:
    api_key = os.environ.get("HEYGEN_API_KEY")
    if not api_key:
        raise RuntimeError("HEYGEN_API_KEY missing")
    with httpx.Client(base_url=API_BASE, timeout=15) as client:
        resp = client.post("/v1/streaming.create_token", headers={"x-api-key": api_key})
        resp.raise_for_status()
    return TokenData.model_validate(resp.json()["data"]).token
