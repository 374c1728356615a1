"""The lobby avatar desk: one HeyGen streaming session per screen."""
from __future__ import annotations

import os

import requests

STREAMING_NEW = "https://api.heygen.com/v1/streaming.new"
STREAMING_START = "https://api.heygen.com/v1/streaming.start"
STREAMING_TASK = "https://api.heygen.com/v1/streaming.task"
STREAMING_INTERRUPT = "https://api.heygen.com/v1/streaming.interrupt"
STREAMING_STOP = "https://api.heygen.com/v1/streaming.stop"

TIMEOUT = (5, 30)


class DeskState:
    __slots__ = ("session_id", "server_url", "viewer_token")

    def __init__(self) -> None:
        self.session_id: str | None = None
        self.server_url: str | None = None
        self.viewer_token: str | None = None

    @property
    def live(self) -> bool:
        return self.session_id is not None


class AvatarDesk:
    def __init__(self, api_key: str | None = None, avatar: str | None = None) -> None:
        self.avatar = avatar or os.environ.get("CONCIERGE_AVATAR", "Anna_public_3_20240108")
        self.http = requests.Session()
        self.http.headers.update(
            {"Authorization": f"Bearer {api_key or os.environ['HEYGEN_API_KEY']}", "Accept": "application/json"}
        )
        self.state = DeskState()

    def open(self) -> DeskState:
        r = self.http.post(
            STREAMING_NEW,
            json={"avatar_id": self.avatar, "quality": "low", "version": "v2", "language": "en"},
            timeout=TIMEOUT,
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.http.post(STREAMING_START, json={"session_id": data["session_id"]}, timeout=TIMEOUT).raise_for_status()
        self.state.session_id = data["session_id"]
        self.state.server_url = data["url"]
        self.state.viewer_token = data["access_token"]
        return self.state

    def speak(self, text: str) -> None:
        r = self.http.post(
            STREAMING_TASK,
            json={"session_id": self.state.session_id, "text": text, "task_type": "repeat"},
            timeout=TIMEOUT,
        )
        r.raise_for_status()

    def interrupt(self) -> None:
        self.http.post(STREAMING_INTERRUPT, json={"session_id": self.state.session_id}, timeout=TIMEOUT).raise_for_status()

    def close(self) -> None:
        if not self.state.live:
            return
        self.http.post(STREAMING_STOP, json={"session_id": self.state.session_id}, timeout=TIMEOUT).raise_for_status()
        self.state.session_id = None
