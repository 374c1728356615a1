"""Read the day's announcements through a streaming avatar (httpx edition)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections import namedtuple
from functools import cached_property
from typing import Callable, Iterable

import httpx

BASE = "https://api.heygen.com/v1"

Room = namedtuple("Room", "session_id url token")


class StreamingClient:
    def __init__(self, api_key: str | None = None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.http = httpx.Client(base_url=BASE, timeout=30, event_hooks={"request": [self._sign]})

    @cached_property
    def token(self) -> str:
        r = httpx.post(f"{BASE}/streaming.create_token", headers={"x-api-key": self.api_key}, timeout=15)
        r.raise_for_status()
        return r.json()["data"]["token"]

    def _sign(self, request: httpx.Request) -> None:
        request.headers["Authorization"] = f"Bearer {self.token}"

    def new(self, avatar_id: str) -> Room:
        r = self.http.post("/streaming.new", json={"avatar_id": avatar_id, "quality": "high", "version": "v2"})
        r.raise_for_status()
        data = r.json().get("data", {})
        return Room(session_id=data["session_id"], url=data["url"], token=data["access_token"])

    def start(self, session_id: str) -> None:
        self.http.post("/streaming.start", json={"session_id": session_id}).raise_for_status()

    def announce(self, session_id: str, text: str) -> None:
        r = self.http.post(
            "/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
            timeout=60,
        )
        r.raise_for_status()

    def stop(self, session_id: str) -> None:
        self.http.post("/streaming.stop", json={"session_id": session_id})

    def close(self) -> None:
        self.http.close()


def run(lines: Iterable[str], on_room: Callable[[Room], None] = print, avatar_id: str | None = None) -> int:
    with contextlib.ExitStack() as stack:
        client = StreamingClient()
        stack.callback(client.close)
        room = client.new(avatar_id or os.environ["AVATAR_ID"])
        stack.callback(client.stop, room.session_id)
        client.start(room.session_id)
        on_room(room)
        count = 0
        for line in lines:
            if line.strip():
                client.announce(room.session_id, line.strip())
                count += 1
        return count


if __name__ == "__main__":
    sys.exit(0 if run(sys.stdin) else 1)
