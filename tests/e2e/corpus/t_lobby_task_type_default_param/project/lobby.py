"""Hotel lobby screen: greets guests and answers questions with a HeyGen streaming avatar."""
from __future__ import annotations

import os

import requests

from config import DEFAULTS, SessionConfig, from_env

API = "https://api.heygen.com/v1"
DEFAULT_TASK_TYPE = "repeat"


class LobbyAvatar:
    def __init__(self, overrides: SessionConfig | None = None) -> None:
        self.overrides: SessionConfig = overrides or {}
        self.http = requests.Session()
        self.http.headers["x-api-key"] = os.environ["HEYGEN_API_KEY"]
        self.session_id: str | None = None

    def open(self) -> dict[str, str]:
        r = self.http.post(f"{API}/streaming.new", json=DEFAULTS | from_env() | self.overrides)
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.http.post(f"{API}/streaming.start", json={"session_id": self.session_id}).raise_for_status()
        return {"url": data["url"], "token": data["access_token"]}

    def greet(self, guest: str) -> None:
        self._task(f"Welcome to the hotel, {guest}!")

    def answer(self, question: str) -> None:
        self._task(question, task_type="chat")

    def _task(self, text: str, task_type: str = DEFAULT_TASK_TYPE) -> None:
        r = self.http.post(
            f"{API}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
        )
        r.raise_for_status()

    def close(self) -> None:
        self.http.post(f"{API}/streaming.stop", json={"session_id": self.session_id})
