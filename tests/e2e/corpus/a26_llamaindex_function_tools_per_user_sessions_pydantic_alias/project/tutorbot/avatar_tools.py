from __future__ import annotations

import os
from typing import Optional

import httpx
from pydantic import BaseModel, ConfigDict, Field

from li_shim import FunctionTool

_client: Optional[httpx.AsyncClient] = None
SESSIONS: dict[str, "LiveSession"] = {}


class LiveSession(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")

    session_id: str
    room_url: str = Field(alias="url")
    room_token: str = Field(alias="access_token")


def get_client() -> httpx.AsyncClient:
    global _client
    if _client is None:
        _client = httpx.AsyncClient(
            base_url=os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1"),
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=30,
        )
    return _client


async def _post(path: str, payload: dict) -> dict:
    r = await get_client().post(path, json=payload)
    r.raise_for_status()
    return r.json()["data"]


async def start_avatar(user_id: str) -> dict:
    """Start a tutor avatar for this user; returns what their browser needs."""
    data = await _post("/streaming.new", {"avatar_id": os.getenv("TUTOR_AVATAR", "Anna_public_3_20240108"), "version": "v2"})
    live = LiveSession.model_validate(data)
    await _post("/streaming.start", {"session_id": live.session_id})
    SESSIONS[user_id] = live
    return {"url": live.room_url, "token": live.room_token}


async def speak(user_id: str, text: str, task_type: str = "repeat") -> str:
    """Say something to this user through their avatar."""
    await _post("/streaming.task", {"session_id": SESSIONS[user_id].session_id, "text": text, "task_type": task_type})
    return "ok"


async def stop_avatar(user_id: str) -> str:
    """Stop this user's avatar."""
    live = SESSIONS.pop(user_id, None)
    if live is None:
        return "no session"
    await _post("/streaming.stop", {"session_id": live.session_id})
    return "stopped"


async def active_count() -> int:
    """How many avatar sessions the account has running."""
    r = await get_client().get("/streaming.list")
    r.raise_for_status()
    return len(r.json()["data"]["sessions"])


TOOLS = [
    FunctionTool.from_defaults(async_fn=start_avatar, name="start_avatar"),
    FunctionTool.from_defaults(async_fn=speak, name="speak"),
    FunctionTool.from_defaults(async_fn=stop_avatar, name="stop_avatar"),
    FunctionTool.from_defaults(async_fn=active_count, name="active_count"),
]
