# quick avatar helpers for the lobby screen -- import and call connect() once
import atexit
import os
from operator import itemgetter

import requests

HEADERS = {
    "Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"],
    "Content-Type": "application/json",
}

SESSION = None  # (session_id, livekit url, viewer token) once connected


def connect(avatar_id=None):
    global SESSION
    if SESSION is not None:
        return SESSION
    resp = requests.post(
        "https://api.heygen.com/v1/streaming.new",
        headers=HEADERS,
        json={
            "avatar_id": avatar_id or os.environ["AVATAR_ID"],
            "quality": "medium",
            "version": "v2",
            "knowledge_base_id": os.environ.get("KNOWLEDGE_BASE_ID"),
        },
    )
    resp.raise_for_status()
    data = resp.json()["data"]
    SESSION = itemgetter("session_id", "url", "access_token")(data)
    requests.post(
        "https://api.heygen.com/v1/streaming.start",
        headers=HEADERS,
        json={"session_id": SESSION[0]},
    ).raise_for_status()
    return SESSION


def say(text):
    requests.post(
        "https://api.heygen.com/v1/streaming.task",
        headers=HEADERS,
        json={"session_id": SESSION[0], "text": text, "task_type": "repeat"},
    ).raise_for_status()


def ask(question):
    requests.post(
        "https://api.heygen.com/v1/streaming.task",
        headers=HEADERS,
        json={"session_id": SESSION[0], "text": question, "task_type": "chat"},
    ).raise_for_status()


def ping():
    requests.post(
        "https://api.heygen.com/v1/streaming.keep_alive",
        headers=HEADERS,
        json={"session_id": SESSION[0]},
    )


def close():
    global SESSION
    if SESSION is None:
        return
    session_id, _, _ = SESSION
    SESSION = None
    requests.post(
        "https://api.heygen.com/v1/streaming.stop",
        headers=HEADERS,
        json={"session_id": session_id},
    )


atexit.register(close)
