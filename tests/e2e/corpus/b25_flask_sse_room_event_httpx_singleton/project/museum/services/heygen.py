"""HeyGen streaming client shared by the whole app (one connection pool)."""
import os

import httpx

_client = httpx.Client(
    base_url="https://api.heygen.com/v1",
    headers={"X-API-KEY": os.environ.get("HEYGEN_API_KEY", "")},
    timeout=httpx.Timeout(20.0, connect=5.0),
)


def _data(resp: httpx.Response) -> dict:
    resp.raise_for_status()
    body = resp.json()
    if body.get("code") != 100:
        raise RuntimeError(body.get("message", "HeyGen error"))
    return body["data"]


def new_session(avatar_id: str, knowledge_base_id: str | None = None) -> dict:
    body = {"avatar_id": avatar_id, "version": "v2", "quality": "high", "video_encoding": "H264"}
    if knowledge_base_id:
        body["knowledge_base_id"] = knowledge_base_id
    return _data(_client.post("/streaming.new", json=body))


def start_session(session_id: str) -> None:
    _data(_client.post("/streaming.start", json={"session_id": session_id}))


def talk(session_id: str, text: str) -> None:
    _data(_client.post("/streaming.task", json={"session_id": session_id, "text": text, "task_type": "talk"}))


def narrate(session_id: str, text: str) -> None:
    _data(_client.post("/streaming.task", json={"session_id": session_id, "text": text}))


def stop_session(session_id: str) -> None:
    _data(_client.post("/streaming.stop", json={"session_id": session_id}))
