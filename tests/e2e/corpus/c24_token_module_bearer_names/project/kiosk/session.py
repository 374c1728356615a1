"""One avatar session for the kiosk screen."""
import os

import requests

from kiosk.auth import BASE, get_token


def _bearer(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def open_session():
    token = get_token()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    body = {
        "avatar_id": os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108"),
        "quality": "medium",
        "version": "v2",
    }
    r = requests.post(f"{BASE}/v1/streaming.new", json=body, headers=headers, timeout=30)
    r.raise_for_status()
    info = r.json()["data"]
    started = requests.post(
        f"{BASE}/v1/streaming.start",
        json={"session_id": info["session_id"]},
        headers=headers,
        timeout=30,
    )
    started.raise_for_status()
    return info, token


def speak(token, session_id, text):
    r = requests.post(
        f"{BASE}/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=_bearer(token),
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["data"]


def close(token, session_id):
    r = requests.post(
        f"{BASE}/v1/streaming.stop",
        json={"session_id": session_id},
        headers=_bearer(token),
        timeout=30,
    )
    r.raise_for_status()
