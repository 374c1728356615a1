from enum import Enum
from typing import NamedTuple

import requests

API_ROOT = "https://api.heygen.com/v1/"


class TaskType(str, Enum):
    REPEAT = "repeat"
    CHAT = "chat"


class LiveSession(NamedTuple):
    session_id: str
    server_url: str
    client_token: str


class AvatarClient:
    def __init__(self, api_key: str):
        self._s = requests.Session()
        self._s.headers.update({"x-api-key": api_key})

    def _post(self, endpoint: str, payload: dict) -> dict:
        r = self._s.post(API_ROOT + endpoint, json=payload, timeout=20)
        r.raise_for_status()
        return r.json()["data"]

    def open(self, avatar_id: str, knowledge_base_id: str | None = None) -> LiveSession:
        body = {"avatar_id": avatar_id, "version": "v2", "quality": "medium"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        d = self._post("streaming.new", body)
        self._post("streaming.start", {"session_id": d["session_id"]})
        return LiveSession(d["session_id"], d["url"], d["access_token"])

    def send(self, session: LiveSession, text: str, task_type: TaskType = TaskType.REPEAT) -> None:
        self._post("streaming.task", {"session_id": session.session_id, "text": text, "task_type": task_type.value})

    def interrupt(self, session: LiveSession) -> None:
        self._post("streaming.interrupt", {"session_id": session.session_id})

    def close(self, session: LiveSession) -> None:
        self._post("streaming.stop", {"session_id": session.session_id})
