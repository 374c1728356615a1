"""Thin HeyGen Streaming API client used by the avatar views."""
import logging
import os
from functools import lru_cache

import httpx

logger = logging.getLogger(__name__)


class HeyGenAPIError(Exception):
    pass


class HeyGenStreamingClient:
    def __init__(self, api_key: str, base_url: str = "https://api.heygen.com/v1"):
        self._http = httpx.Client(
            base_url=base_url,
            headers={"X-Api-Key": api_key, "Accept": "application/json"},
            timeout=30.0,
        )

    def _post(self, path: str, payload: dict) -> dict:
        resp = self._http.post(path, json=payload)
        if resp.is_error:
            logger.error("HeyGen %s -> %s %s", path, resp.status_code, resp.text[:300])
            raise HeyGenAPIError(f"{path} failed with {resp.status_code}")
        return resp.json().get("data") or {}

    def create_session(self, avatar_id: str, knowledge_base_id: str | None = None, language: str = "en") -> dict:
        payload = {"avatar_id": avatar_id, "quality": "high", "version": "v2", "language": language}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        session = self._post("/streaming.new", payload)
        self._post("/streaming.start", {"session_id": session["session_id"]})
        return session

    def send_task(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        return self._post("/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def interrupt(self, session_id: str) -> None:
        self._post("/streaming.interrupt", {"session_id": session_id})

    def stop_session(self, session_id: str) -> None:
        self._post("/streaming.stop", {"session_id": session_id})


@lru_cache(maxsize=1)
def get_client() -> HeyGenStreamingClient:
    return HeyGenStreamingClient(os.environ["HEYGEN_API_KEY"])
