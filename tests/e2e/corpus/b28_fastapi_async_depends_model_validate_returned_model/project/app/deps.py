from typing import AsyncIterator

import httpx
from fastapi import Depends

from .config import Settings, get_settings
from .heygen import HeyGenClient


async def get_http(settings: Settings = Depends(get_settings)) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=settings.heygen_base_url, timeout=settings.http_timeout) as http:
        yield http


def get_client(
    http: httpx.AsyncClient = Depends(get_http),
    settings: Settings = Depends(get_settings),
) -> HeyGenClient:
    return HeyGenClient(http, settings.heygen_api_key)
