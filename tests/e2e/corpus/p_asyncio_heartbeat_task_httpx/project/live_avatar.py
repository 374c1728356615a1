"""Async HeyGen streaming session with a background keep-alive."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from typing import Any, Optional

import httpx

logger = logging.getLogger("live_avatar")

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")


class LiveAvatar:
    def __init__(self, api_key: Optional[str] = None, interval: Optional[float] = None) -> None:
        self._client = httpx.AsyncClient(
            base_url=HEYGEN_BASE,
            headers={"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]},
            timeout=httpx.Timeout(30.0),
        )
        self.interval = interval or float(os.getenv("HEARTBEAT_SECONDS", "60"))
        self.session_id: Optional[str] = None
        self._heartbeat_task: Optional[asyncio.Task] = None
        self.beats = 0

    async def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = await self._client.post(path, json=payload)
        resp.raise_for_status()
        return resp.json().get("data") or {}

    async def open(self, avatar_id: str) -> dict[str, str]:
        data = await self._post(
            "/v1/streaming.new",
            {"avatar_id": avatar_id, "quality": "high", "version": "v2", "knowledge_base_id": os.getenv("HEYGEN_KB")},
        )
        self.session_id = data["session_id"]
        await self._post("/v1/streaming.start", {"session_id": self.session_id})
        self._heartbeat_task = asyncio.create_task(self._heartbeat())
        return {"url": data["url"], "access_token": data["access_token"]}

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self._post("/v1/streaming.keep_alive", {"session_id": self.session_id})
                self.beats += 1
            except httpx.HTTPError as exc:
                logger.warning("keep_alive failed: %s", exc)

    async def say(self, text: str) -> None:
        await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    async def talk(self, text: str) -> None:
        await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "talk"})

    async def interrupt(self) -> None:
        await self._post("/v1/streaming.interrupt", {"session_id": self.session_id})

    async def close(self) -> None:
        if self._heartbeat_task:
            self._heartbeat_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat_task
            self._heartbeat_task = None
        if self.session_id:
            await self._post("/v1/streaming.stop", {"session_id": self.session_id})
            self.session_id = None
        await self._client.aclose()
