"""HeyGen streaming endpoints (one short-lived aiohttp session per call, as in the HA add-on)."""
from __future__ import annotations

import os
from typing import Any

import aiohttp

HEYGEN_API = "https://api.heygen.com/v1"
URL_NEW = f"{HEYGEN_API}/streaming.new"
URL_START = f"{HEYGEN_API}/streaming.start"
URL_TASK = f"{HEYGEN_API}/streaming.task"
URL_KEEP_ALIVE = f"{HEYGEN_API}/streaming.keep_alive"
URL_STOP = f"{HEYGEN_API}/streaming.stop"


def _headers() -> dict[str, str]:
    return {"accept": "application/json", "x-api-key": os.environ["HEYGEN_API_KEY"]}


async def _post(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    async with aiohttp.ClientSession() as http:
        async with http.post(url, headers=_headers(), json=payload) as resp:
            body = await resp.json()
            if resp.status != 200:
                raise RuntimeError(f"{url} -> {resp.status}: {body}")
            return body


async def new_session(avatar_id: str, knowledge_id: str | None) -> dict[str, Any]:
    payload: dict[str, Any] = {"avatar_id": avatar_id, "quality": "low", "version": "v2"}
    if knowledge_id:
        payload["knowledge_id"] = knowledge_id
    body = await _post(URL_NEW, payload)
    return body["data"]


async def start_session(session_id: str) -> None:
    await _post(URL_START, {"session_id": session_id})


async def send_task(session_id: str, text: str, task_type: str = "repeat") -> str:
    body = await _post(URL_TASK, {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"})
    return body["data"]["task_id"]


async def keep_alive(session_id: str) -> None:
    await _post(URL_KEEP_ALIVE, {"session_id": session_id})


async def stop_session(session_id: str) -> None:
    await _post(URL_STOP, {"session_id": session_id})
