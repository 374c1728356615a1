"""HeyGen Streaming API calls (one aiohttp session per call, like the rest of this app)."""
import os

import aiohttp

HEYGEN_URL = os.getenv("HEYGEN_URL", "https://api.heygen.com")
HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")


class HeyGenError(RuntimeError):
    pass


async def call(endpoint: str, payload: dict) -> dict:
    async with aiohttp.ClientSession(headers={"X-Api-Key": HEYGEN_API_KEY}) as http:
        async with http.post(f"{HEYGEN_URL}/v1/{endpoint}", json=payload) as resp:
            body = await resp.json()
            if resp.status != 200 or body.get("code") != 100:
                raise HeyGenError(f"{endpoint}: {resp.status} {body}")
            return body["data"]
