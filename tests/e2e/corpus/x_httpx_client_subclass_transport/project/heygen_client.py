"""HeyGen streaming client: an httpx.Client subclass, so it is also a context manager and
callers can still use .get/.post for anything we did not wrap."""
from __future__ import annotations

import os

import httpx

DEFAULT_BASE_URL = "https://api.heygen.com/v1"


class HeyGenError(RuntimeError):
    def __init__(self, endpoint: str, status: int, message: str):
        super().__init__(f"{endpoint}: {status} {message}")
        self.status = status


class HeyGenClient(httpx.Client):
    def __init__(self, api_key: str | None = None, base_url: str = DEFAULT_BASE_URL, **kwargs):
        super().__init__(
            base_url=base_url,
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"], "Accept": "application/json"},
            transport=httpx.HTTPTransport(retries=2),
            timeout=kwargs.pop("timeout", 30.0),
            **kwargs,
        )

    def _json(self, endpoint: str, payload: dict) -> dict:
        response = self.post(endpoint, json=payload)
        if response.status_code != 200:
            raise HeyGenError(endpoint, response.status_code, response.text[:120])
        return response.json()["data"]

    def new_session(self, avatar_id: str, *, quality: str = "medium", voice_id: str | None = None) -> dict:
        body: dict = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if voice_id:
            body["voice"] = {"voice_id": voice_id}
        return self._json("/streaming.new", body)

    def start_session(self, session_id: str) -> None:
        self._json("/streaming.start", {"session_id": session_id})

    def speak(self, session_id: str, text: str) -> str:
        return self._json("/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})["task_id"]

    def interrupt(self, session_id: str) -> None:
        self._json("/streaming.interrupt", {"session_id": session_id})

    def stop_session(self, session_id: str) -> None:
        self._json("/streaming.stop", {"session_id": session_id})
