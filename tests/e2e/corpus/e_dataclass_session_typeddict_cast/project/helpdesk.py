"""Help-desk avatar session (HeyGen Interactive Avatar)."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Optional, TypedDict, cast

import requests

logger = logging.getLogger("helpdesk")

HEYGEN_API = "https://api.heygen.com/v1"


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


class Room(TypedDict):
    url: str
    access_token: str


@dataclass
class AvatarSession:
    avatar_id: str = field(default_factory=lambda: os.getenv("HELPDESK_AVATAR", "Anna_public_3_20240108"))
    knowledge_base_id: Optional[str] = field(default_factory=lambda: os.getenv("HELPDESK_KB"))
    api_key: str = field(default_factory=lambda: os.environ["HEYGEN_API_KEY"], repr=False)
    session_id: Optional[str] = None
    http: requests.Session = field(default_factory=requests.Session, repr=False)

    def __post_init__(self) -> None:
        self.http.headers.update({"x-api-key": self.api_key, "accept": "application/json"})

    def start(self) -> Optional[Room]:
        payload = {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        resp = self.http.post(f"{HEYGEN_API}/streaming.new", json=payload, timeout=30)
        if not resp.ok:
            logger.warning("streaming.new failed: %s %s", resp.status_code, resp.text)
            return None
        info = cast(NewSessionData, resp.json()["data"])
        self.session_id = info["session_id"]

        resp = self.http.post(f"{HEYGEN_API}/streaming.start", json={"session_id": self.session_id}, timeout=30)
        if resp.status_code != 200:
            logger.warning("streaming.start failed: %s", resp.text)
            return None
        return {"url": info["url"], "access_token": info["access_token"]}

    def _task(self, text: str, task_type: str) -> bool:
        resp = self.http.post(
            f"{HEYGEN_API}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
            timeout=30,
        )
        if resp.ok:
            task_id = resp.json().get("data", {}).get("task_id")
            logger.debug("task %s queued", task_id)
            return True
        logger.warning("streaming.task failed: %s", resp.text)
        return False

    def say(self, text: str) -> bool:
        return self._task(text, "repeat")

    def ask(self, question: str) -> bool:
        return self._task(question, "chat")

    def close(self) -> bool:
        if self.session_id is None:
            return True
        resp = self.http.post(f"{HEYGEN_API}/streaming.stop", json={"session_id": self.session_id}, timeout=30)
        if resp.status_code == 200:
            self.session_id = None
            self.http.close()
            return True
        return False
