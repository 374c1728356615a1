"""HeyGen streaming calls for the newsdesk (blocking httpx; the calls are short)."""

import functools
import os
from typing import Literal, TypedDict

import httpx

API = "https://api.heygen.com/v1"
_client = httpx.Client(timeout=15)


class NewSessionRequest(TypedDict, total=False):
    avatar_id: str
    quality: Literal["low", "medium", "high"]
    video_encoding: Literal["H264", "VP8"]
    version: str


class TaskRequest(TypedDict):
    session_id: str
    text: str
    task_type: Literal["repeat", "chat"]
    task_mode: Literal["sync", "async"]


@functools.lru_cache(maxsize=1)
def _session_token() -> str:
    r = _client.post(f"{API}/streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
    r.raise_for_status()
    return r.json()["data"]["token"]


def _headers() -> dict:
    return {"Authorization": f"Bearer {_session_token()}", "Content-Type": "application/json"}


def open_session(avatar_id: str) -> dict:
    body = NewSessionRequest(avatar_id=avatar_id, quality="medium", video_encoding="H264", version="v2")
    r = _client.post(f"{API}/streaming.new", json=body, headers=_headers())
    r.raise_for_status()
    data = r.json()["data"]
    r = _client.post(f"{API}/streaming.start", json={"session_id": data["session_id"]}, headers=_headers())
    r.raise_for_status()
    return data


def read(session_id: str, text: str) -> None:
    body = TaskRequest(session_id=session_id, text=text, task_type="repeat", task_mode="async")
    _client.post(f"{API}/streaming.task", json=body, headers=_headers()).raise_for_status()


def close(session_id: str) -> None:
    _client.post(f"{API}/streaming.stop", json={"session_id": session_id}, headers=_headers()).raise_for_status()
