"""Live narrator: a HeyGen streaming avatar reading play-by-play lines."""
from __future__ import annotations

import os
from typing import Any

import httpx

from .hooks import log_request, raise_on_error

HEYGEN_API = "https://api.heygen.com"


class Narrator:
    def __init__(self, api_key: str, avatar_id: str) -> None:
        self.avatar_id = avatar_id
        self.client = httpx.Client(
            base_url=HEYGEN_API,
            headers={"X-Api-Key": api_key, "Content-Type": "application/json"},
            event_hooks={"request": [log_request], "response": [raise_on_error]},
            timeout=20.0,
        )
        self.session_id: str | None = None

    @classmethod
    def from_env(cls) -> "Narrator":
        return cls(os.environ["HEYGEN_API_KEY"], os.environ.get("NARRATOR_AVATAR", "Wayne_20240711"))

    def __enter__(self) -> "Narrator":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def _send(self, method: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        req = self.client.build_request(method, path, json=body)
        resp = self.client.send(req)
        return resp.json()["data"] or {}

    def go_live(self) -> tuple[str, str]:
        data = self._send("POST", "/v1/streaming.new", {"avatar_id": self.avatar_id, "quality": "high", "version": "v2"})
        self.session_id = data["session_id"]
        self._send("POST", "/v1/streaming.start", {"session_id": self.session_id})
        return data["url"], data["access_token"]

    def call_play(self, line: str) -> None:
        self._send(
            "POST",
            "/v1/streaming.task",
            {"session_id": self.session_id, "text": line, "task_type": "repeat", "task_mode": "async"},
        )

    def cut_in(self) -> None:
        self._send("POST", "/v1/streaming.interrupt", {"session_id": self.session_id})

    def heartbeat(self) -> None:
        self._send("POST", "/v1/streaming.keep_alive", {"session_id": self.session_id})

    def close(self) -> None:
        try:
            if self.session_id:
                self._send("POST", "/v1/streaming.stop", {"session_id": self.session_id})
                self.session_id = None
        finally:
            self.client.close()
