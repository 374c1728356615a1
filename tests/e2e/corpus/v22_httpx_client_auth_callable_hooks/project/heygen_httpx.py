from __future__ import annotations

import os
from typing import List, Optional, TypedDict

import httpx

API_BASE = os.getenv("HEYGEN_API_BASE", "https://api.heygen.com")


class NewSessionData(TypedDict):
    session_id: str
    url: str
    access_token: str


def _key_auth(api_key: str):
    def _auth(request: httpx.Request) -> httpx.Request:
        request.headers["X-Api-Key"] = api_key
        return request

    return _auth


def _raise_on_error(response: httpx.Response) -> None:
    response.raise_for_status()


class HeyGenClient:
    def __init__(self, api_key: Optional[str] = None, avatar_id: Optional[str] = None) -> None:
        self.avatar_id = avatar_id or os.getenv("AVATAR_ID", "Anna_public_3_20240108")
        self._http = httpx.Client(
            base_url=API_BASE,
            auth=_key_auth(api_key or os.environ["HEYGEN_API_KEY"]),
            event_hooks={"response": [_raise_on_error]},
            timeout=20.0,
        )

    def __enter__(self) -> "HeyGenClient":
        return self

    def __exit__(self, *exc) -> None:
        self._http.close()

    def list_sessions(self) -> List[dict]:
        data = self._http.get("/v1/streaming.list").json().get("data") or {}
        return data.get("sessions", [])

    def new_session(self, quality: str = "medium") -> NewSessionData:
        body = self._http.post("/v1/streaming.new", json={
            "avatar_id": self.avatar_id,
            "quality": quality,
            "version": "v2",
            "video_encoding": "H264",
        }).json()
        return NewSessionData(**body["data"])

    def start(self, session_id: str) -> None:
        self._http.post("/v1/streaming.start", json={"session_id": session_id})

    def task(self, session_id: str, text: str, task_type: str = "repeat") -> dict:
        return self._http.post("/v1/streaming.task", json={
            "session_id": session_id,
            "text": text,
            "task_type": task_type,
            "task_mode": "sync",
        }).json()["data"]

    def keep_alive(self, session_id: str) -> bool:
        return self._http.post("/v1/streaming.keep_alive", json={"session_id": session_id}).is_success

    def stop(self, session_id: str) -> None:
        self._http.post("/v1/streaming.stop", json={"session_id": session_id})
