"""Reading tutor: an avatar that reads a passage, then answers questions about it."""

from __future__ import annotations

import os
from dataclasses import dataclass

import requests


class HeyGenAPIError(Exception):
    pass


def _raise_heygen_errors(r: requests.Response, *args, **kwargs) -> None:
    r.raise_for_status()
    if r.headers.get("content-type", "").startswith("application/json"):
        body = r.json()
        if body.get("code", 100) != 100:
            raise HeyGenAPIError(body.get("message"))


@dataclass
class LiveSession:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_response(cls, resp: requests.Response) -> "LiveSession":
        data = resp.json()["data"]
        return cls(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])


class Tutor:
    def __init__(self, api_key: str | None = None):
        self.host = "https://api.heygen.com"
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.http.hooks["response"].append(_raise_heygen_errors)
        self.live: LiveSession | None = None

    def begin(self, avatar_id: str | None = None) -> LiveSession:
        resp = self.http.post(
            f"{self.host}/v1/streaming.new",
            json={
                "avatar_id": avatar_id or os.environ["AVATAR_ID"],
                "quality": "medium",
                "version": "v2",
                "knowledge_base_id": os.environ["KNOWLEDGE_BASE_ID"],
            },
        )
        self.live = LiveSession.from_response(resp)
        self.http.post(f"{self.host}/v1/streaming.start", json={"session_id": self.live.session_id})
        return self.live

    def read(self, passage: str) -> None:
        for sentence in filter(None, (s.strip() for s in passage.split("."))):
            self.http.post(
                f"{self.host}/v1/streaming.task",
                json={"session_id": self.live.session_id, "text": sentence + ".", "task_type": "repeat"},
            )

    def question(self, text: str) -> None:
        self.http.post(
            f"{self.host}/v1/streaming.task",
            json={"session_id": self.live.session_id, "text": text, "task_type": "chat"},
        )

    def listen(self) -> None:
        self.http.post(f"{self.host}/v1/streaming.start_listening", json={"session_id": self.live.session_id})

    def ping(self) -> None:
        self.http.post(f"{self.host}/v1/streaming.keep_alive", json={"session_id": self.live.session_id})

    def end(self) -> None:
        if self.live:
            self.http.post(f"{self.host}/v1/streaming.stop", json={"session_id": self.live.session_id})
            self.live = None
