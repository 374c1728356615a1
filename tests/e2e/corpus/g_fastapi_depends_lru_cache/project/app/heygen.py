"""Thin client for HeyGen's streaming avatar endpoints."""
from functools import lru_cache
from typing import Any, Optional

import requests

from .settings import Settings, get_settings


class HeyGenError(Exception):
    pass


class HeyGenStreaming:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.base_url = settings.heygen_base
        self.headers = {"x-api-key": settings.heygen_api_key, "content-type": "application/json"}

    def _post(self, path: str, json: dict[str, Any]) -> dict[str, Any]:
        resp = requests.post(f"{self.base_url}{path}", json=json, headers=self.headers, timeout=30)
        if resp.status_code != 200:
            raise HeyGenError(f"{path}: {resp.status_code} {resp.text}")
        return resp.json()["data"] or {}

    def create_session(self) -> dict[str, Any]:
        body: dict[str, Any] = {"avatar_id": self.settings.avatar_id, "quality": "medium", "version": "v2"}
        if self.settings.knowledge_base_id:
            body["knowledge_base_id"] = self.settings.knowledge_base_id
        data = self._post("/v1/streaming.new", body)
        self._post("/v1/streaming.start", {"session_id": data["session_id"]})
        return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}

    def speak(self, session_id: str, text: str, task_type: str = "repeat") -> None:
        self._post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def interrupt(self, session_id: str) -> None:
        self._post("/v1/streaming.interrupt", {"session_id": session_id})

    def close(self, session_id: str) -> None:
        self._post("/v1/streaming.stop", {"session_id": session_id})


@lru_cache
def get_heygen() -> HeyGenStreaming:
    return HeyGenStreaming(get_settings())
