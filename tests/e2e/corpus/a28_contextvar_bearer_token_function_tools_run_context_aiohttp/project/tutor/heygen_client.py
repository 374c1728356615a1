"""HeyGen streaming calls for the tutor. One token per lesson, kept in a context variable."""

import os
from contextvars import ContextVar

import aiohttp

HEYGEN_API_ROOT = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com/v1")
TOKEN_URL = f"{HEYGEN_API_ROOT}/streaming.create_token"
NEW_URL = f"{HEYGEN_API_ROOT}/streaming.new"
START_URL = f"{HEYGEN_API_ROOT}/streaming.start"
TASK_URL = f"{HEYGEN_API_ROOT}/streaming.task"
STOP_URL = f"{HEYGEN_API_ROOT}/streaming.stop"

_session_token: ContextVar[str] = ContextVar("heygen_session_token")
_http: aiohttp.ClientSession | None = None


def get_http() -> aiohttp.ClientSession:
    global _http
    if _http is None or _http.closed:
        _http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
    return _http


async def shutdown() -> None:
    if _http is not None and not _http.closed:
        await _http.close()


def _bearer() -> dict:
    return {"Authorization": f"Bearer {_session_token.get()}"}


async def begin_lesson_token() -> None:
    async with get_http().post(TOKEN_URL, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}) as resp:
        resp.raise_for_status()
        payload = await resp.json()
    _session_token.set(payload["data"]["token"])


async def open_session(avatar_id: str, knowledge_base_id: str) -> dict:
    body = {"avatar_id": avatar_id, "knowledge_base_id": knowledge_base_id, "version": "v2", "language": "es"}
    async with get_http().post(NEW_URL, json=body, headers=_bearer()) as resp:
        resp.raise_for_status()
        payload = await resp.json()
    info = payload.get("data") or {}
    async with get_http().post(START_URL, json={"session_id": info["session_id"]}, headers=_bearer()) as resp:
        resp.raise_for_status()
    return info


async def task(session_id: str, text: str, task_type: str) -> None:
    async with get_http().post(
        TASK_URL, json={"session_id": session_id, "text": text, "task_type": task_type}, headers=_bearer()
    ) as resp:
        resp.raise_for_status()


async def close_session(session_id: str) -> None:
    async with get_http().post(STOP_URL, json={"session_id": session_id}, headers=_bearer()) as resp:
        resp.raise_for_status()
