"""The few HeyGen streaming calls the narrator needs, on one shared aiohttp session."""
from typing import Any, Optional

import aiohttp

from .settings import settings


class HeyGenError(RuntimeError):
    pass


async def _post(http: aiohttp.ClientSession, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    async with http.post(f"{settings.heygen_url}/v1/{endpoint}", json=body) as resp:
        payload = await resp.json()
        if resp.status != 200 or payload.get("code") != 100:
            raise HeyGenError(f"{endpoint}: {resp.status} {payload.get('message')}")
        return payload.get("data") or {}


async def new_session(
    http: aiohttp.ClientSession,
    avatar_id: str,
    voice_id: Optional[str] = None,
    rate: float = 1.0,
) -> dict[str, Any]:
    body: dict[str, Any] = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
    if voice_id:
        body["voice"] = {"voice_id": voice_id, "rate": rate}
    data = await _post(http, "streaming.new", body)
    await _post(http, "streaming.start", {"session_id": data["session_id"]})
    return data


async def narrate(http: aiohttp.ClientSession, session_id: str, text: str) -> None:
    await _post(http, "streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


async def interrupt(http: aiohttp.ClientSession, session_id: str) -> None:
    await _post(http, "streaming.interrupt", {"session_id": session_id})


async def stop(http: aiohttp.ClientSession, session_id: str) -> None:
    await _post(http, "streaming.stop", {"session_id": session_id})
