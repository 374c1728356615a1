import os

import requests

from app.auth import BASE


def _headers(token):
    return {"Authorization": f"Bearer {token}"}


def open_session(token):
    r = requests.post(
        f"{BASE}/streaming.new",
        json={"avatar_id": os.environ["AVATAR_ID"], "version": "v2"},
        headers=_headers(token),
    )
    r.raise_for_status()
    info = r.json()["data"]
    requests.post(f"{BASE}/streaming.start", json={"session_id": info["session_id"]}, headers=_headers(token)).raise_for_status()
    return info


def speak(token, session_id, text):
    requests.post(
        f"{BASE}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=_headers(token),
    ).raise_for_status()


def close(token, session_id):
    requests.post(f"{BASE}/streaming.stop", json={"session_id": session_id}, headers=_headers(token)).raise_for_status()
