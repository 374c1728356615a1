from typing import Optional

import requests
from pydantic import BaseModel

from app.settings import HeyGenSettings, get_settings


class StreamingSession(BaseModel):
    session_id: str
    url: str
    access_token: str


class TaskResult(BaseModel):
    duration_ms: float
    task_id: str


class StreamingAvatarClient:
    def __init__(self, settings: Optional[HeyGenSettings] = None) -> None:
        self.settings = settings or get_settings()

    def _post(self, path: str, body: dict) -> dict:
        resp = requests.post(
            f"{self.settings.api_base}/v1/{path}",
            json=body,
            headers={"X-Api-Key": self.settings.api_key},
            timeout=self.settings.timeout_s,
        )
        resp.raise_for_status()
        return resp.json()

    def new_session(self) -> StreamingSession:
        body = {
            "avatar_id": self.settings.avatar_id,
            "quality": self.settings.quality,
            "version": "v2",
        }
        if self.settings.knowledge_base_id:
            body["knowledge_base_id"] = self.settings.knowledge_base_id
        if self.settings.language:
            body["language"] = self.settings.language
        return StreamingSession(**self._post("streaming.new", body)["data"])

    def start_session(self, session: StreamingSession) -> None:
        self._post("streaming.start", {"session_id": session.session_id})

    def task(self, session: StreamingSession, text: str, task_type: str = "chat") -> TaskResult:
        data = self._post("streaming.task", {
            "session_id": session.session_id,
            "text": text,
            "task_type": task_type,
            "task_mode": "sync",
        })["data"]
        return TaskResult(**data)

    def stop_session(self, session: StreamingSession) -> None:
        self._post("streaming.stop", {"session_id": session.session_id})
