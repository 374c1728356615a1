import logging
import os
from typing import Optional

import requests

logger = logging.getLogger(__name__)


class StreamSession:
    """The session's data as attributes (``session.url``, ``session.access_token`` ...)."""

    def __init__(self, data):
        self.__dict__.update(data)

    def __repr__(self):
        return f"StreamSession({self.session_id!r})"


def _headers(api_key):
    return {"accept": "application/json", "content-type": "application/json", "x-api-key": api_key}


class HeyGenStreamingClient:
    """Thin wrapper around the HeyGen Interactive Avatar streaming endpoints."""

    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None,
                 base_url: Optional[str] = None, timeout: int = 30):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
        self.base_url = (base_url or os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")).rstrip("/")
        self.knowledge_base_id = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")
        self.timeout = timeout

    @property
    def headers(self) -> dict:
        return _headers(self.api_key)

    def create_session(self, quality: str = "medium") -> StreamSession:
        payload = {"quality": quality, "avatar_id": self.avatar_id, "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        resp = requests.post(f"{self.base_url}/streaming.new", headers=self.headers,
                             json=payload, timeout=self.timeout)
        resp.raise_for_status()
        data = resp.json().get("data") or {}
        logger.info("created streaming session %s", data["session_id"])
        return StreamSession(data)

    def start_session(self, session_id: str) -> None:
        requests.post(f"{self.base_url}/streaming.start", headers=self.headers,
                      json={"session_id": session_id}, timeout=self.timeout).raise_for_status()

    def speak(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        resp = requests.post(
            f"{self.base_url}/streaming.task",
            headers=self.headers,
            json={"session_id": session_id, "text": text, "task_type": task_type},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json().get("data", {})

    def interrupt(self, session_id: str) -> None:
        resp = requests.post(f"{self.base_url}/streaming.interrupt", headers=self.headers,
                             json={"session_id": session_id}, timeout=self.timeout)
        if resp.status_code != 200:
            logger.warning("interrupt failed: %s", resp.text)

    def close_session(self, session_id: str) -> None:
        resp = requests.post(f"{self.base_url}/streaming.stop", headers=self.headers,
                             json={"session_id": session_id}, timeout=self.timeout)
        resp.raise_for_status()
        logger.info("closed streaming session %s", session_id)
