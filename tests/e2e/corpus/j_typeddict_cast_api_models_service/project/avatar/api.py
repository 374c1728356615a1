import os
from typing import Any, Optional, cast

import requests

from .models import Envelope, NewSessionData, TaskData, TaskType

API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com/v1")


class HeyGenError(RuntimeError):
    pass


def _post(path: str, body: dict[str, Any]) -> Envelope:
    resp = requests.post(
        f"{API_BASE}{path}",
        json=body,
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=30,
    )
    env = cast(Envelope, resp.json())
    if resp.status_code != 200 or env["code"] != 100:
        raise HeyGenError(f"{path}: {env.get('message')}")
    return env


def new_session(avatar_id: str, knowledge_base_id: Optional[str] = None) -> NewSessionData:
    body: dict[str, Any] = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    env = _post("/streaming.new", body)
    return cast(NewSessionData, env["data"])


def start_session(session_id: str) -> None:
    _post("/streaming.start", {"session_id": session_id})


def send_task(session_id: str, text: str, task_type: TaskType = "repeat") -> TaskData:
    env = _post("/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})
    return cast(TaskData, env["data"])


def stop_listening(session_id: str) -> None:
    _post("/streaming.stop_listening", {"session_id": session_id})


def stop_session(session_id: str) -> None:
    _post("/streaming.stop", {"session_id": session_id})
