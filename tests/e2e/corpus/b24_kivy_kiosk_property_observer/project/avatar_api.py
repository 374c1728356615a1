import os

import requests

API_ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com/v1/")
_http = requests.Session()
_http.headers["X-Api-Key"] = os.environ.get("HEYGEN_API_KEY", "")


def _post(endpoint, body):
    resp = _http.post(API_ROOT + endpoint, json=body, timeout=30)
    resp.raise_for_status()
    payload = resp.json()
    if payload.get("code") != 100:
        raise RuntimeError(payload.get("message"))
    return payload.get("data")


def new_session(avatar_id):
    return _post("streaming.new", {"avatar_id": avatar_id, "quality": "high", "version": "v2"})


def start_session(session_id):
    _post("streaming.start", {"session_id": session_id})


def speak(session_id, text):
    _post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


def keep_alive(session_id):
    _post("streaming.keep_alive", {"session_id": session_id})


def stop_session(session_id):
    _post("streaming.stop", {"session_id": session_id})
