"""HeyGen Interactive Avatar as a framework service.

The HTTP calls are plain ``requests`` in sync helpers: the framework gives each service its
own event loop slot, and the calls are short, so we never bothered with aiohttp here.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Callable, Optional

import requests

from .framework import Event, Service

logger = logging.getLogger(__name__)

KEEP_ALIVE_EVERY = 90  # seconds; HeyGen closes idle sessions after ~2 minutes


class HeyGenAvatarService(Service):
    name = "heygen-avatar"

    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None,
                 knowledge_base_id: Optional[str] = None, base_url: str = "https://api.heygen.com",
                 on_room: Optional[Callable[[str, str], Any]] = None) -> None:
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
        self.knowledge_base_id = knowledge_base_id or os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")
        self.base_url = base_url.rstrip("/")
        self.on_room = on_room
        self.session_id: Optional[str] = None
        self.spoken = 0

    # -- HTTP -------------------------------------------------------------------------------
    def _url(self, path: str) -> str:
        return self.base_url + path

    def _call(self, path: str, payload: dict) -> dict:
        resp = requests.post(self._url(path), json=payload,
                             headers={"X-API-Key": self.api_key, "Accept": "application/json"}, timeout=30)
        if resp.status_code != 200:
            logger.error("HeyGen %s -> %s: %s", path, resp.status_code, resp.text[:200])
            resp.raise_for_status()
        return resp.json()

    def _create_session(self) -> dict:
        payload: dict = {"avatar_id": self.avatar_id, "version": "v2", "quality": "high"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        data = self._call("/v1/streaming.new", payload)["data"]
        self._call("/v1/streaming.start", {"session_id": data["session_id"]})
        return data

    def _speak(self, text: str, task_type: str = "repeat") -> None:
        self._call("/v1/streaming.task", {"session_id": self.session_id, "text": text,
                                          "task_type": task_type, "task_mode": "async"})

    def _interrupt(self) -> None:
        self._call("/v1/streaming.interrupt", {"session_id": self.session_id})

    def _keep_alive(self) -> None:
        self._call("/v1/streaming.keep_alive", {"session_id": self.session_id})

    def _stop(self, reason: str) -> None:
        # HeyGen ignores the reason, but it shows up in our request logs
        self._call("/v1/streaming.stop", {"session_id": self.session_id, "reason": reason})

    # -- framework hooks ------------------------------------------------------------------------
    async def on_start(self) -> None:
        data = self._create_session()  # blocking, but only once per conversation
        self.session_id = data["session_id"]
        logger.info("avatar session %s up", self.session_id)
        if self.on_room is not None:
            self.on_room(data["url"], data["access_token"])

    async def on_event(self, event: Event) -> None:
        if event.kind == "say":
            self._speak(event.text)
            self.spoken += 1
        elif event.kind == "answer":
            self._speak(event.text, task_type="chat")
            self.spoken += 1
        elif event.kind == "barge_in":
            self._interrupt()
        elif event.kind == "idle":
            await asyncio.get_running_loop().run_in_executor(None, self._keep_alive)

    async def on_stop(self, reason: str) -> None:
        if self.session_id is None:
            return
        try:
            self._stop(reason)
        finally:
            logger.info("avatar session %s closed (%s)", self.session_id, reason)
            self.session_id = None
