import logging
import os
from dataclasses import dataclass
from typing import Optional

import httpx

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    api_key: str
    avatar_id: str
    base_url: str = "https://api.heygen.com/v1"
    knowledge_base_id: Optional[str] = None
    timeout: float = 30.0

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar_id=os.getenv("HEYGEN_AVATAR_ID", "Anna_public_3_20240108"),
            base_url=os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1"),
            knowledge_base_id=os.getenv("HEYGEN_KNOWLEDGE_BASE_ID"),
        )


@dataclass
class StreamSession:
    session_id: str
    url: str
    access_token: str


def auth_headers(api_key: str) -> dict:
    return {"accept": "application/json", "x-api-key": api_key}


class HeyGenStreamingClient:
    """Thin wrapper around the HeyGen Interactive Avatar streaming endpoints."""

    def __init__(self, settings: Optional[Settings] = None):
        self.settings = settings or Settings.from_env()
        self._http = httpx.Client(timeout=self.settings.timeout)

    def _url(self, name: str) -> str:
        return f"{self.settings.base_url.rstrip('/')}/streaming.{name}"

    def create_session(self, quality: str = "medium") -> StreamSession:
        payload = {"quality": quality, "avatar_id": self.settings.avatar_id, "version": "v2"}
        if self.settings.knowledge_base_id:
            payload["knowledge_base_id"] = self.settings.knowledge_base_id
        resp = self._http.post(self._url("new"), headers=auth_headers(self.settings.api_key), json=payload)
        resp.raise_for_status()
        data = resp.json()["data"]
        session_id, url, token = data["session_id"], data["url"], data["access_token"]
        logger.info("created streaming session %s", session_id)
        return StreamSession(session_id, url, token)

    def start_session(self, session_id: str) -> None:
        self._http.post(
            self._url("start"), headers=auth_headers(self.settings.api_key), json={"session_id": session_id}
        ).raise_for_status()

    def speak(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        resp = self._http.post(
            self._url("task"),
            headers=auth_headers(self.settings.api_key),
            json={"session_id": session_id, "text": text, "task_type": task_type},
        )
        resp.raise_for_status()
        return resp.json().get("data", {})

    def interrupt(self, session_id: str) -> None:
        resp = self._http.post(
            self._url("interrupt"), headers=auth_headers(self.settings.api_key), json={"session_id": session_id}
        )
        if resp.status_code != 200:
            logger.warning("interrupt failed: %s", resp.text)

    def close_session(self, session_id: str) -> None:
        resp = self._http.post(
            self._url("stop"), headers=auth_headers(self.settings.api_key), json={"session_id": session_id}
        )
        resp.raise_for_status()
        self._http.close()
        logger.info("closed streaming session %s", session_id)
