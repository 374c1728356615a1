"""No third-party deps on purpose: this runs on the kiosk's system Python."""
import json
import os
import urllib.error
import urllib.request
from typing import TypedDict

API_ROOT = "https://api.heygen.com"
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
KNOWLEDGE_BASE = os.environ.get("HEYGEN_KNOWLEDGE_BASE")


class SessionInfo(TypedDict):
    session_id: str
    url: str
    access_token: str


def _post(url, payload):
    req = urllib.request.Request(
        url,
        data=json.dumps(payload).encode("utf-8"),
        headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        raise RuntimeError(f"HeyGen {url} -> HTTP {e.code}: {body}") from None


def new_session(avatar_id=None, quality="medium") -> SessionInfo:
    url = f"{API_ROOT}/v1/streaming.new"
    payload = {
        "avatar_id": avatar_id or os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
        "quality": quality,
        "version": "v2",
    }
    if KNOWLEDGE_BASE:
        payload["knowledge_base_id"] = KNOWLEDGE_BASE
    res = _post(url, payload)
    d = res["data"]
    return SessionInfo(session_id=d["session_id"], url=d["url"], access_token=d["access_token"])


def start_session(session_id):
    url = f"{API_ROOT}/v1/streaming.start"
    return _post(url, {"session_id": session_id})


def speak(session_id, text, task_type="repeat"):
    url = f"{API_ROOT}/v1/streaming.task"
    res = _post(url, {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"})
    return res.get("data", {}).get("duration_ms")


def keep_alive(session_id):
    url = f"{API_ROOT}/v1/streaming.keep_alive"
    return _post(url, {"session_id": session_id}).get("code") == 100


def start_listening(session_id):
    url = f"{API_ROOT}/v1/streaming.start_listening"
    _post(url, {"session_id": session_id})


def stop_session(session_id):
    url = f"{API_ROOT}/v1/streaming.stop"
    try:
        _post(url, {"session_id": session_id})
    except RuntimeError as exc:
        print("stop failed:", exc)
