"""Hotel lobby screen: greets guests and answers questions with a HeyGen streaming avatar."""
from __future__ import annotations

import os
from urllib.parse import urljoin

import httpx

from config import DEFAULTS, SessionConfig, from_env

API = "https://api.heygen.com/v1/"


def _key_auth(request: httpx.Request) -> httpx.Request:
    request.headers["x-api-key"] = os.environ["HEYGEN_API_KEY"]
    return request


class LobbyAvatar:
    def __init__(self, overrides: SessionConfig | None = None) -> None:
        self.overrides: SessionConfig = overrides or {}
        self.http = httpx.Client(auth=_key_auth, timeout=20)
        self.session_id: str | None = None

    def open(self) -> dict[str, str]:
        body = {**DEFAULTS, **from_env(), **self.overrides}
        data = self.http.post(urljoin(API, "streaming.new"), json=body).raise_for_status().json().get("data", {})
        self.session_id = data["session_id"]
        self.http.post(urljoin(API, "streaming.start"), json={"session_id": self.session_id}).raise_for_status()
        return {"url": data["url"], "token": data["access_token"]}

    def greet(self, guest: str) -> None:
        self._task(f"Welcome to the hotel, {guest}!", "repeat")

    def answer(self, question: str) -> None:
        self._task(question, "chat")

    def _task(self, text: str, task_type: str) -> None:
        self.http.post(
            urljoin(API, "streaming.task"),
            json={"session_id": self.session_id, "text": text, "task_type": task_type},
        ).raise_for_status()

    def close(self) -> None:
        self.http.post(urljoin(API, "streaming.stop"), json={"session_id": self.session_id})
        self.http.close()
