"""Help-desk avatar session."""
from __future__ import annotations

import os
from typing import Optional

import requests

API_HOST = "https://api.heygen.com"


class AvatarSession:
    def __init__(self, avatar_id: Optional[str] = None) -> None:
        self.avatar_id = avatar_id or os.getenv("HELPDESK_AVATAR", "Anna_public_3_20240108")
        self.knowledge_base_id = os.getenv("HELPDESK_KB")
        self.session_id: Optional[str] = None
        self.http = requests.Session()
        self.http.headers.update(Authorization="Bearer %s" % os.environ["HEYGEN_API_KEY"])

    def _url(self, op: str) -> str:
        return f"{API_HOST}/v1/streaming.{op}"

    def start(self):
        payload = {"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        try:
            resp = self.http.post(self._url("new"), json=payload, timeout=30)
            resp.raise_for_status()
        except requests.HTTPError:
            return None
        info = resp.json()["data"]
        self.session_id = info["session_id"]
        if not self.http.post(self._url("start"), json={"session_id": self.session_id}, timeout=30).ok:
            return None
        return {"url": info["url"], "access_token": info["access_token"]}

    def _task(self, text: str, task_type: str) -> bool:
        resp = self.http.post(self._url("task"), json={"session_id": self.session_id, "text": text, "task_type": task_type}, timeout=30)
        return resp.status_code == 200

    def say(self, text: str) -> bool:
        return self._task(text, "repeat")

    def ask(self, question: str) -> bool:
        return self._task(question, "chat")

    def close(self) -> bool:
        if self.session_id is None:
            return True
        ok = self.http.post(self._url("stop"), json={"session_id": self.session_id}, timeout=30).ok
        if ok:
            self.session_id = None
        return ok
