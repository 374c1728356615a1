import logging
from typing import Optional

import requests
from pydantic import BaseModel
from pydantic_settings import BaseSettings, SettingsConfigDict

logger = logging.getLogger(__name__)


class HeyGenSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HEYGEN_")

    api_key: str
    avatar_id: str = "Anna_public_3_20240108"
    knowledge_base_id: Optional[str] = None
    base_url: str = "https://api.heygen.com/v1"


class StreamSession(BaseModel):
    session_id: str
    url: str
    access_token: str


class HeyGenStreamingClient:
    """Thin wrapper around the HeyGen Interactive Avatar streaming endpoints."""

    def __init__(self, settings: Optional[HeyGenSettings] = None, timeout: int = 30):
        self.settings = settings or HeyGenSettings()
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers["x-api-key"] = self.settings.api_key
        self.http.headers["accept"] = "application/json"

    def create_session(self, quality: str = "medium") -> StreamSession:
        payload = {"quality": quality, "avatar_id": self.settings.avatar_id, "version": "v2"}
        if self.settings.knowledge_base_id:
            payload["knowledge_base_id"] = self.settings.knowledge_base_id
        resp = self.http.post(f"{self.settings.base_url}/streaming.new", json=payload, timeout=self.timeout)
        resp.raise_for_status()
        data = resp.json()["data"]
        logger.info("created streaming session %s", data["session_id"])
        return StreamSession(**data)

    def start_session(self, session_id: str) -> None:
        self.http.post(
            f"{self.settings.base_url}/streaming.start", json={"session_id": session_id}, timeout=self.timeout
        ).raise_for_status()

    def speak(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        resp = self.http.post(
            f"{self.settings.base_url}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": task_type},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json().get("data", {})

    def interrupt(self, session_id: str) -> None:
        resp = self.http.post(
            f"{self.settings.base_url}/streaming.interrupt", json={"session_id": session_id}, timeout=self.timeout
        )
        if not resp.ok:
            logger.warning("interrupt failed: %s", resp.text)

    def close_session(self, session_id: str) -> None:
        self.http.post(
            f"{self.settings.base_url}/streaming.stop", json={"session_id": session_id}, timeout=self.timeout
        ).raise_for_status()
        self.http.close()
        logger.info("closed streaming session %s", session_id)
