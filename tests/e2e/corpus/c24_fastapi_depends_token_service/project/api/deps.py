import os

import httpx

HEYGEN = os.getenv("HEYGEN_URL", "https://api.heygen.com")


async def get_heygen_token() -> str:
    async with httpx.AsyncClient(base_url=HEYGEN) as client:
        resp = await client.post("/v1/streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
        resp.raise_for_status()
        return resp.json()["data"]["token"]
