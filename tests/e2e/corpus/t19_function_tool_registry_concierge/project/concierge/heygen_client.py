"""Thin client for HeyGen's Streaming (Interactive Avatar) REST API."""

from __future__ import annotations

import logging
from typing import Any, Optional

import requests

from concierge import settings

log = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    pass


class StreamingClient:
    def __init__(self, api_key: str = settings.HEYGEN_API_KEY, base_url: str = settings.HEYGEN_BASE_URL):
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": api_key, "accept": "application/json"})

    def _post(self, endpoint: str, payload: Optional[dict] = None) -> dict[str, Any]:
        resp = self.http.post(f"{self.base_url}/v1/{endpoint}", json=payload or {}, timeout=settings.REQUEST_TIMEOUT)
        if resp.status_code != 200:
            raise HeyGenError(f"{endpoint}: HTTP {resp.status_code} {resp.text[:200]}")
        body = resp.json()
        if body.get("code", 100) != 100:
            raise HeyGenError(f"{endpoint}: {body.get('message')}")
        return body.get("data") or {}

    def new_session(self, avatar_id: str, quality: str = "medium", voice_id: Optional[str] = None,
                    knowledge_base_id: Optional[str] = None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "avatar_id": avatar_id,
            "quality": quality,
            "version": "v2",
            "activity_idle_timeout": settings.IDLE_TIMEOUT,
        }
        if voice_id:
            payload["voice"] = {"voice_id": voice_id, "rate": 1.0}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return self._post("streaming.new", payload)

    def start_session(self, session_id: str) -> None:
        self._post("streaming.start", {"session_id": session_id})

    def send_task(self, session_id: str, text: str, task_type: str = "repeat") -> dict[str, Any]:
        return self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def interrupt(self, session_id: str) -> None:
        self._post("streaming.interrupt", {"session_id": session_id})

    def keep_alive(self, session_id: str) -> None:
        self._post("streaming.keep_alive", {"session_id": session_id})

    def stop_session(self, session_id: str) -> None:
        self._post("streaming.stop", {"session_id": session_id})
