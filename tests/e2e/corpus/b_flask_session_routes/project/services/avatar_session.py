import requests

from .http import HEYGEN_BASE, headers_json


class HeygenApiError(RuntimeError):
    pass


def _check(resp, what):
    body = resp.json()
    if body.get("code") != 100:
        raise HeygenApiError(f"{what} failed: {body.get('message')}")
    return body


def create_and_start(avatar_id, language="en"):
    new = requests.post(
        f"{HEYGEN_BASE}/streaming.new",
        headers=headers_json(),
        json={
            "quality": "low",
            "avatar_id": avatar_id,
            "language": language,
            "version": "v2",
            "activity_idle_timeout": 300,
        },
        timeout=30,
    )
    data = _check(new, "streaming.new")["data"]

    start = requests.post(
        f"{HEYGEN_BASE}/streaming.start",
        headers=headers_json(),
        json={"session_id": data["session_id"]},
        timeout=30,
    )
    _check(start, "streaming.start")
    return data


def speak(session_id, text):
    resp = requests.post(
        f"{HEYGEN_BASE}/streaming.task",
        headers=headers_json(),
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        timeout=30,
    )
    return _check(resp, "streaming.task")["data"]


def stop(session_id):
    resp = requests.post(
        f"{HEYGEN_BASE}/streaming.stop",
        headers=headers_json(),
        json={"session_id": session_id},
        timeout=30,
    )
    message = resp.json().get("message")
    return message == "success"
