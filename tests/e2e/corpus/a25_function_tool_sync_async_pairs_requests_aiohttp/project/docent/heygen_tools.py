"""HeyGen streaming tools for the gallery docent agent (sync + async variants)."""
from __future__ import annotations

import os

import aiohttp
import requests

from toolkit import FunctionTool

HEYGEN_V1 = "https://api.heygen.com/v1"
NEW = f"{HEYGEN_V1}/streaming.new"
START = f"{HEYGEN_V1}/streaming.start"
TASK = f"{HEYGEN_V1}/streaming.task"
STOP = f"{HEYGEN_V1}/streaming.stop"

_sync = requests.Session()
_sync.headers["X-Api-Key"] = os.environ.get("HEYGEN_API_KEY", "")


def _key_headers() -> dict[str, str]:
    return {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")}


def open_avatar(avatar_id: str) -> dict:
    """Open a streaming avatar session and return where to watch it."""
    r = _sync.post(NEW, json={"avatar_id": avatar_id, "version": "v2"}, timeout=20)
    r.raise_for_status()
    data = r.json()["data"]
    _sync.post(START, json={"session_id": data["session_id"]}, timeout=20).raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


async def aopen_avatar(avatar_id: str) -> dict:
    async with aiohttp.ClientSession(headers=_key_headers()) as s:
        async with s.post(NEW, json={"avatar_id": avatar_id, "version": "v2"}) as r:
            r.raise_for_status()
            data = (await r.json())["data"]
        async with s.post(START, json={"session_id": data["session_id"]}) as r:
            r.raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


def narrate(session_id: str, text: str) -> str:
    """Have the avatar say `text` verbatim."""
    r = _sync.post(TASK, json={"session_id": session_id, "text": text, "task_type": "repeat"}, timeout=20)
    r.raise_for_status()
    return "ok"


async def anarrate(session_id: str, text: str) -> str:
    async with aiohttp.ClientSession(headers=_key_headers()) as s:
        async with s.post(TASK, json={"session_id": session_id, "text": text, "task_type": "repeat"}) as r:
            r.raise_for_status()
    return "ok"


def close_avatar(session_id: str) -> str:
    """End the avatar session."""
    _sync.post(STOP, json={"session_id": session_id}, timeout=20).raise_for_status()
    return "closed"


async def aclose_avatar(session_id: str) -> str:
    async with aiohttp.ClientSession(headers=_key_headers()) as s:
        async with s.post(STOP, json={"session_id": session_id}) as r:
            r.raise_for_status()
    return "closed"


TOOLS = {
    "open_avatar": FunctionTool.from_defaults(fn=open_avatar, async_fn=aopen_avatar),
    "narrate": FunctionTool.from_defaults(fn=narrate, async_fn=anarrate),
    "close_avatar": FunctionTool.from_defaults(fn=close_avatar, async_fn=aclose_avatar),
}
