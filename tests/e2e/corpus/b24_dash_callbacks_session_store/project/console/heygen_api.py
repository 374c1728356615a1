"""HeyGen Interactive Avatar calls used by the Dash console.

One module-level httpx client; every call returns the `data` of HeyGen's envelope.
"""
import os

import httpx

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")

_client = httpx.Client(
    base_url=HEYGEN_BASE,
    headers={"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "accept": "application/json"},
    timeout=30.0,
)


def _post(path, payload):
    r = _client.post(path, json=payload)
    r.raise_for_status()
    body = r.json()
    if body.get("code") != 100:
        raise RuntimeError(f"{path}: {body.get('message')}")
    return body["data"]


def new_session(avatar_id, quality="medium", knowledge_base_id=None):
    payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    return _post("/v1/streaming.new", payload)


def start_session(session_id):
    _post("/v1/streaming.start", {"session_id": session_id})


def send_text(session_id, text, task_type="repeat"):
    return _post(
        "/v1/streaming.task",
        {"session_id": session_id, "text": text, "task_type": task_type},
    )


def interrupt(session_id):
    _post("/v1/streaming.interrupt", {"session_id": session_id})


def stop_session(session_id):
    _post("/v1/streaming.stop", {"session_id": session_id})
