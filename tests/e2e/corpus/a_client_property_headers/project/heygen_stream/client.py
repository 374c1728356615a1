import logging
import os
from dataclasses import dataclass
from typing import Optional

import requests

logger = logging.getLogger(__name__)


@dataclass
class StreamSession:
    session_id: str
    url: str
    access_token: str
    realtime_endpoint: Optional[str] = None


class HeyGenStreamingClient:
    """Thin wrapper around the HeyGen Interactive Avatar streaming endpoints."""

    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None,
                 base_url: str = "https://api.heygen.com/v1", timeout: int = 30):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id or os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108")
        self.base_url = base_url.rstrip("/")
        self.knowledge_base_id = os.getenv("HEYGEN_KNOWLEDGE_BASE_ID")
        self.timeout = timeout

    @property
    def headers(self) -> dict:
        return {
            "accept": "application/json",
            "content-type": "application/json",
            "x-api-key": self.api_key,
        }

    def create_session(self, quality: str = "medium") -> StreamSession:
        payload = {"quality": quality, "avatar_id": self.avatar_id, "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        resp = requests.post(f"{self.base_url}/streaming.new", headers=self.headers,
                             json=payload, timeout=self.timeout)
        resp.raise_for_status()
        data = resp.json()["data"]
        logger.info("created streaming session %s", data["session_id"])
        return StreamSession(
            session_id=data["session_id"],
            url=data["url"],
            access_token=data["access_token"],
            realtime_endpoint=data.get("realtime_endpoint"),
        )

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
