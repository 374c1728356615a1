"""Async HeyGen streaming calls (one aiohttp session per request, as the docs show)."""
from typing import Any

import aiohttp

from .settings import Settings


class HeyGenError(Exception):
    pass


async def _call(settings: Settings, endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {settings.heygen_api_key}"}
    async with aiohttp.ClientSession(headers=headers) as http:
        async with http.post(f"{settings.heygen_api_base}/v1/{endpoint}", json=body) as resp:
            payload = await resp.json()
            if resp.status != 200 or payload.get("code") != 100:
                raise HeyGenError(f"{endpoint}: {payload.get('message')}")
            return payload["data"]


async def open_stream(settings: Settings) -> dict[str, Any]:
    body: dict[str, Any] = {"avatar_id": settings.avatar_id, "version": "v2", "quality": "medium"}
    if settings.knowledge_base_id:
        body["knowledge_base_id"] = settings.knowledge_base_id
    info = await _call(settings, "streaming.new", body)
    await _call(settings, "streaming.start", {"session_id": info["session_id"]})
    return info


async def send_task(settings: Settings, session_id: str, text: str, task_type: str) -> None:
    await _call(settings, "streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})


async def close_stream(settings: Settings, session_id: str) -> None:
    await _call(settings, "streaming.stop", {"session_id": session_id})
