"""HeyGen Interactive Avatar backend (blocking; the orchestrator runs it on threads)."""
from __future__ import annotations

import os

import requests

API_URL = "https://api.heygen.com"


class HeyGenBackend:
    name = "heygen"

    def __init__(self) -> None:
        self.headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}
        self.session_id: str | None = None

    def open(self, avatar: str) -> dict:
        resp = requests.post(
            f"{API_URL}/v1/streaming.new",
            headers=self.headers,
            json={"avatar_id": avatar, "quality": "medium", "version": "v2"},
            timeout=30,
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        requests.post(
            f"{API_URL}/v1/streaming.start", headers=self.headers, json={"session_id": self.session_id}, timeout=30
        ).raise_for_status()
        return {"url": data["url"], "token": data["access_token"]}

    def speak(self, text: str) -> None:
        requests.post(
            f"{API_URL}/v1/streaming.task",
            headers=self.headers,
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            timeout=30,
        ).raise_for_status()

    def interrupt(self) -> None:
        requests.post(
            f"{API_URL}/v1/streaming.interrupt", headers=self.headers, json={"session_id": self.session_id}, timeout=30
        ).raise_for_status()

    def close(self) -> None:
        if self.session_id:
            requests.post(
                f"{API_URL}/v1/streaming.stop", headers=self.headers, json={"session_id": self.session_id}, timeout=30
            ).raise_for_status()
            self.session_id = None
