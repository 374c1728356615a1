"""No third-party deps on purpose: this runs on the kiosk's system Python."""
import json
import os
import urllib.request
from typing import TypedDict

API_ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com")
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
KNOWLEDGE_BASE = os.environ.get("HEYGEN_KNOWLEDGE_BASE")

PATHS = {
    "new": "v1/streaming.new",
    "start": "v1/streaming.start",
    "task": "v1/streaming.task",
    "keep_alive": "v1/streaming.keep_alive",
    "start_listening": "v1/streaming.start_listening",
    "stop": "v1/streaming.stop",
}


class SessionInfo(TypedDict):
    session_id: str
    url: str
    access_token: str


class HeyGenError(RuntimeError):
    pass


def _call(action, payload):
    req = urllib.request.Request(
        "{}/{}".format(API_ROOT, PATHS[action]),
        data=json.dumps(payload).encode("utf-8"),
        headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = json.load(resp)
    if body.get("code") != 100:
        raise HeyGenError("{} failed: {}".format(action, body.get("message")))
    return body.get("data") or {}


def new_session(avatar_id=None, quality="medium") -> SessionInfo:
    payload = {
        "avatar_id": avatar_id or os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
        "quality": quality,
        "version": "v2",
    }
    if KNOWLEDGE_BASE:
        payload["knowledge_base_id"] = KNOWLEDGE_BASE
    d = _call("new", payload)
    return SessionInfo(**d)


def start_session(session_id):
    return _call("start", {"session_id": session_id})


def speak(session_id, text, task_type="repeat"):
    return _call("task", {"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"}).get("duration_ms")


def keep_alive(session_id):
    try:
        _call("keep_alive", {"session_id": session_id})
        return True
    except HeyGenError:
        return False


def start_listening(session_id):
    _call("start_listening", {"session_id": session_id})


def stop_session(session_id):
    try:
        _call("stop", {"session_id": session_id})
    except HeyGenError as exc:
        print("stop failed:", exc)
