from __future__ import annotations

import os

import requests

from .models import Envelope, NewSessionRequest, StreamingSession, TaskAck

API_ROOT = "https://api.heygen.com/v1"


class APIFailure(RuntimeError):
    pass


class AvatarAPI:
    def __init__(self, api_key: str | None = None, *, timeout: float = 30) -> None:
        self._s = requests.Session()
        self._s.headers["x-api-key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.timeout = timeout

    def create_session(self, avatar_id: str, **options: object) -> StreamingSession:
        body = NewSessionRequest(avatar_id=avatar_id, **options).model_dump(exclude_none=True)
        resp = self._s.post(f"{API_ROOT}/streaming.new", json=body, timeout=self.timeout)
        env = Envelope[StreamingSession].model_validate_json(resp.content)
        if env.code != 100 or env.data is None:
            raise APIFailure(env.message)
        return env.data

    def start(self, session: StreamingSession) -> None:
        resp = self._s.post(f"{API_ROOT}/streaming.start", json={"session_id": session.id}, timeout=self.timeout)
        resp.raise_for_status()

    def say(self, session: StreamingSession, text: str) -> TaskAck:
        resp = self._s.post(
            f"{API_ROOT}/streaming.task",
            json={"session_id": session.id, "text": text, "task_type": "repeat"},
            timeout=self.timeout,
        )
        env = Envelope[TaskAck].model_validate(resp.json())
        if env.code != 100 or env.data is None:
            raise APIFailure(env.message)
        return env.data

    def stop(self, session: StreamingSession) -> None:
        self._s.post(f"{API_ROOT}/streaming.stop", json={"session_id": session.id}, timeout=self.timeout).raise_for_status()
