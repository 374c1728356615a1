from __future__ import annotations

import functools
import json
import os
from typing import List, Optional, TypedDict, cast

import httpx


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


class HeyGenError(RuntimeError):
    pass


@functools.cache
def _client(api_key: str) -> httpx.Client:
    return httpx.Client(base_url="https://api.heygen.com/v1", headers={"X-Api-Key": api_key}, timeout=20.0)


def _data(r: httpx.Response) -> dict:
    body = json.loads(r.content)
    if body.get("code") != 100:
        raise HeyGenError(body.get("message") or r.text)
    return body["data"]


class HeyGenClient:
    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None) -> None:
        self.avatar_id = avatar_id or os.getenv("AVATAR_ID", "Anna_public_3_20240108")
        self._http = _client(api_key or os.environ["HEYGEN_API_KEY"])

    def __enter__(self) -> "HeyGenClient":
        return self

    def __exit__(self, *exc) -> None:
        self._http.close()

    def list_sessions(self) -> List[dict]:
        return _data(self._http.get("/streaming.list")).get("sessions") or []

    def new_session(self, quality: str = "medium") -> NewSessionData:
        r = self._http.post("/streaming.new", json={
            "avatar_id": self.avatar_id,
            "quality": quality,
            "version": "v2",
            "video_encoding": "H264",
        })
        return cast(NewSessionData, _data(r))

    def start(self, session_id: str) -> None:
        _data(self._http.post("/streaming.start", json={"session_id": session_id}))

    def task(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        return _data(self._http.post("/streaming.task", json={
            "session_id": session_id,
            "text": text,
            "task_type": task_type,
            "task_mode": "sync",
        }))

    def keep_alive(self, session_id: str) -> bool:
        try:
            _data(self._http.post("/streaming.keep_alive", json={"session_id": session_id}))
        except HeyGenError:
            return False
        return True

    def stop(self, session_id: str) -> None:
        _data(self._http.post("/streaming.stop", json={"session_id": session_id}))
