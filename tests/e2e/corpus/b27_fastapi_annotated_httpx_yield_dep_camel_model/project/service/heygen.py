from typing import Annotated, AsyncIterator

import httpx
from fastapi import Depends, HTTPException

from . import config


async def get_http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=config.HEYGEN_BASE_URL,
        headers={"X-Api-Key": config.HEYGEN_API_KEY},
        timeout=config.REQUEST_TIMEOUT,
    ) as client:
        yield client


Http = Annotated[httpx.AsyncClient, Depends(get_http)]


async def call(http: httpx.AsyncClient, path: str, payload: dict) -> dict:
    resp = await http.post(path, json=payload)
    if resp.is_error:
        raise HTTPException(status_code=502, detail=f"HeyGen {path}: {resp.status_code}")
    return resp.json()["data"]
