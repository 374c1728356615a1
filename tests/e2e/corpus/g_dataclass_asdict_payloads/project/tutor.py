"""Spanish tutor avatar on HeyGen's Interactive Avatar API."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any, Optional

import requests

BASE = "https://api.heygen.com/v1/"
HEADERS = {
    "X-API-Key": os.getenv("HEYGEN_API_KEY", ""),
    "Content-Type": "application/json",
}


@dataclass
class NewSession:
    avatar_id: str
    quality: str = "low"
    version: str = "v2"
    knowledge_base_id: Optional[str] = None


@dataclass
class Task:
    session_id: str
    text: str
    task_type: str = "repeat"
    task_mode: str = "sync"


@dataclass
class SessionRef:
    session_id: str


def _body(obj: Any) -> dict:
    return {k: v for k, v in asdict(obj).items() if v is not None}


def api(endpoint: str, obj: Any) -> dict:
    r = requests.post(BASE + endpoint, json=_body(obj), headers=HEADERS, timeout=30)
    r.raise_for_status()
    return r.json().get("data") or {}


class Lesson:
    def __init__(self) -> None:
        self.avatar = os.getenv("TUTOR_AVATAR", "Anna_public_3_20240108")
        self.kb = os.getenv("TUTOR_KB")
        self.session_id: Optional[str] = None

    def begin(self) -> dict:
        info = api("streaming.new", NewSession(self.avatar, knowledge_base_id=self.kb))
        self.session_id = info["session_id"]
        api("streaming.start", SessionRef(self.session_id))
        return {"url": info["url"], "access_token": info["access_token"]}

    def teach(self, text: str) -> None:
        api("streaming.task", Task(self.session_id, text))

    def quiz(self, question: str) -> None:
        api("streaming.task", Task(self.session_id, question, task_type="chat"))
        api("streaming.stop_listening", SessionRef(self.session_id))

    def end(self) -> None:
        if self.session_id:
            api("streaming.stop", SessionRef(self.session_id))
            self.session_id = None


if __name__ == "__main__":
    lesson = Lesson()
    print(lesson.begin())
    lesson.teach("Hola!")
    lesson.end()
