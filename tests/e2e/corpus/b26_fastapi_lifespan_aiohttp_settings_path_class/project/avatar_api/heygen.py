import aiohttp
from fastapi import HTTPException

from .config import Settings
from .paths import HeyGenPaths


async def _post(http: aiohttp.ClientSession, settings: Settings, path: str, body: dict) -> dict:
    url = f"{settings.heygen_base_url}{path}"
    async with http.post(
        url,
        json=body,
        headers={"X-Api-Key": settings.heygen_api_key},
        timeout=aiohttp.ClientTimeout(total=settings.request_timeout),
    ) as resp:
        if resp.status != 200:
            raise HTTPException(status_code=502, detail=f"HeyGen {path}: {resp.status}")
        payload = await resp.json()
    return payload.get("data") or {}


async def open_session(http, settings: Settings) -> dict:
    data = await _post(
        http,
        settings,
        HeyGenPaths.NEW,
        {"avatar_id": settings.avatar_id, "quality": "low", "version": "v2"},
    )
    await _post(http, settings, HeyGenPaths.START, {"session_id": data["session_id"]})
    return data


async def say(http, settings: Settings, session_id: str, text: str) -> None:
    await _post(http, settings, HeyGenPaths.TASK, {"session_id": session_id, "text": text})


async def interrupt(http, settings: Settings, session_id: str) -> None:
    await _post(http, settings, HeyGenPaths.INTERRUPT, {"session_id": session_id})


async def close(http, settings: Settings, session_id: str) -> None:
    await _post(http, settings, HeyGenPaths.STOP, {"session_id": session_id})
