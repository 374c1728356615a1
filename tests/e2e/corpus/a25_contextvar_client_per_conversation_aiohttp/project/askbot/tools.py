"""Avatar tools; the HTTP client and the conversation state come from ContextVars set per
conversation by ``runtime.conversation``."""
from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Any, TypedDict

import aiohttp

HEYGEN_ROOT = os.environ.get("HEYGEN_ROOT", "https://api.heygen.com")
NEW_URL = HEYGEN_ROOT + "/v1/streaming.new"
START_URL = HEYGEN_ROOT + "/v1/streaming.start"
TASK_URL = HEYGEN_ROOT + "/v1/streaming.task"
INTERRUPT_URL = HEYGEN_ROOT + "/v1/streaming.interrupt"
STOP_URL = HEYGEN_ROOT + "/v1/streaming.stop"

HTTP: ContextVar[aiohttp.ClientSession] = ContextVar("askbot_http")
CONVERSATION: ContextVar[dict[str, Any]] = ContextVar("askbot_conversation")


class AvatarRoom(TypedDict):
    url: str
    access_token: str


async def show_avatar() -> AvatarRoom:
    body = {"avatar_id": os.environ.get("ASKBOT_AVATAR", "Anna_public_3_20240108"), "version": "v2", "quality": "medium"}
    async with HTTP.get().post(NEW_URL, json=body) as resp:
        resp.raise_for_status()
        data = (await resp.json())["data"]
    async with HTTP.get().post(START_URL, json={"session_id": data["session_id"]}) as resp:
        resp.raise_for_status()
    CONVERSATION.get()["avatar"] = data
    return AvatarRoom(url=data["url"], access_token=data["access_token"])


async def speak(text: str) -> None:
    avatar = CONVERSATION.get()["avatar"]
    async with HTTP.get().post(TASK_URL, json={"session_id": avatar["session_id"], "text": text, "task_type": "repeat"}) as resp:
        resp.raise_for_status()


async def hush() -> None:
    avatar = CONVERSATION.get()["avatar"]
    async with HTTP.get().post(INTERRUPT_URL, json={"session_id": avatar["session_id"]}) as resp:
        resp.raise_for_status()


async def stop_avatar() -> None:
    avatar = CONVERSATION.get().pop("avatar", None)
    if avatar:
        async with HTTP.get().post(STOP_URL, json={"session_id": avatar["session_id"]}) as resp:
            resp.raise_for_status()
