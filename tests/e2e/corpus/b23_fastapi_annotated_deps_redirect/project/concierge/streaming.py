"""Calls to HeyGen's Interactive Avatar API."""
from __future__ import annotations

import logging
from typing import Annotated, Any

import httpx
from fastapi import Depends, HTTPException

from .settings import Settings, get_settings
from .utils import heygen_headers

log = logging.getLogger("concierge.streaming")

STREAMING_NEW_URL = "https://api.heygen.com/v1/streaming.new"
STREAMING_START_URL = "https://api.heygen.com/v1/streaming.start"
STREAMING_TASK_URL = "https://api.heygen.com/v1/streaming.task"
STREAMING_STOP_URL = "https://api.heygen.com/v1/streaming.stop"


class StreamingService:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.headers = heygen_headers(settings.heygen_api_key)

    async def _post(self, url: str, payload: dict[str, Any]) -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.post(url, json=payload, headers=self.headers)
        body = resp.json()
        if resp.status_code != 200 or body.get("code") != 100:
            log.error("HeyGen call failed: %s %s", resp.status_code, body)
            raise HTTPException(status_code=502, detail=body.get("message", "upstream error"))
        return body["data"]

    async def open_session(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "avatar_id": self.settings.heygen_avatar_id,
            "quality": self.settings.heygen_quality,
            "version": "v2",
        }
        if self.settings.heygen_knowledge_base_id:
            payload["knowledge_base_id"] = self.settings.heygen_knowledge_base_id
        session = await self._post(STREAMING_NEW_URL, payload)
        await self._post(STREAMING_START_URL, {"session_id": session["session_id"]})
        return session

    async def say(self, session_id: str, text: str, task_type: str = "repeat") -> None:
        await self._post(
            STREAMING_TASK_URL,
            {"session_id": session_id, "text": text, "task_type": task_type},
        )

    async def close(self, session_id: str) -> None:
        await self._post(STREAMING_STOP_URL, {"session_id": session_id})


def get_streaming(settings: Annotated[Settings, Depends(get_settings)]) -> StreamingService:
    return StreamingService(settings)


StreamingDep = Annotated[StreamingService, Depends(get_streaming)]
