import os

import requests

# NOTE: heygen accepts the api key as a bearer token too, we use that everywhere
_API = os.getenv("HEYGEN_URL", "https://api.heygen.com/v1")
_KEY = os.getenv("HEYGEN_API_KEY", "")


def _hdrs():
    return {"Authorization": "Bearer " + _KEY, "Content-Type": "application/json"}


def _call(path, body):
    res = requests.request("POST", _API + path, json=body, headers=_hdrs(), timeout=30)
    if not res.ok:
        print("HEYGEN ERROR", path, res.status_code, res.text)
    return res.json()


def create_session(avatar, kb=None):
    body = {"avatar_id": avatar, "quality": "medium", "version": "v2", "disable_idle_timeout": False}
    if kb:
        body["knowledge_base_id"] = kb
    out = _call("/streaming.new", body)
    return out.get("data", {})


def start_session(session_id):
    return _call("/streaming.start", {"session_id": session_id})


def send_text(session_id, text):
    out = _call("/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
    return out.get("data", {}).get("task_id")


def send_question(session_id, text):
    out = _call("/streaming.task", {"session_id": session_id, "text": text, "task_type": "chat", "task_mode": "sync"})
    return out.get("data", {}).get("task_id")


def interrupt(session_id):
    return _call("/streaming.interrupt", {"session_id": session_id}).get("code") == 100


def end_session(session_id):
    return _call("/streaming.stop", {"session_id": session_id}).get("message")
