"""Help-desk bot: HeyGen streaming avatar driven from an asyncio chat server."""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import requests

log = logging.getLogger(__name__)

HEYGEN_BASE = "https://api.heygen.com/v1"
URL_NEW = f"{HEYGEN_BASE}/streaming.new"
URL_START = f"{HEYGEN_BASE}/streaming.start"
URL_TASK = f"{HEYGEN_BASE}/streaming.task"
URL_INTERRUPT = f"{HEYGEN_BASE}/streaming.interrupt"
URL_STOP = f"{HEYGEN_BASE}/streaming.stop"


def _headers() -> dict[str, str]:
    return {
        "Authorization": f"Bearer {os.environ['HEYGEN_API_KEY']}",
        "Content-Type": "application/json",
    }


async def _post(url: str, payload: dict[str, Any]) -> dict[str, Any]:
    """POST without blocking the event loop (requests is sync)."""
    resp = await asyncio.to_thread(requests.post, url, json=payload, headers=_headers(), timeout=20)
    if resp.status_code != 200:
        raise RuntimeError(f"HeyGen {url} -> {resp.status_code}: {resp.text}")
    return resp.json()


class HelpdeskBot:
    def __init__(self) -> None:
        self.avatar = os.getenv("HELPDESK_AVATAR", "Wayne_20240711")
        self.kb = os.getenv("HELPDESK_KB")
        self.base: dict[str, Any] = {}

    async def connect(self) -> dict[str, str]:
        payload: dict[str, Any] = {"avatar_id": self.avatar, "version": "v2", "quality": "medium"}
        if self.kb:
            payload["knowledge_base_id"] = self.kb
        body = await _post(URL_NEW, payload)
        data = body["data"]
        self.base = {"session_id": data["session_id"]}
        await _post(URL_START, {**self.base})
        log.info("help desk session %s", data["session_id"])
        return {"url": data["url"], "token": data["access_token"]}

    async def greet(self, text: str) -> None:
        await _post(URL_TASK, {**self.base, "text": text, "task_type": "repeat"})

    async def reply(self, user_message: str) -> None:
        await _post(URL_TASK, {**self.base, "text": user_message, "task_type": "chat"})

    async def barge_in(self) -> None:
        await _post(URL_INTERRUPT, {**self.base})

    async def hang_up(self) -> None:
        if not self.base:
            return
        await _post(URL_STOP, {**self.base})
        self.base = {}
