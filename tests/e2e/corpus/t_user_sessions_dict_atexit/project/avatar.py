# avatar helpers for the lobby screens -- one streaming session per signed-in user
import atexit
import os
from operator import itemgetter

import requests

HEADERS = {
    "Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"],
    "Content-Type": "application/json",
}

SESSIONS = {}  # user -> (session_id, livekit url, viewer token)


def connect(user, avatar_id=None):
    if user in SESSIONS:
        return SESSIONS[user]
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
    SESSIONS[user] = itemgetter("session_id", "url", "access_token")(data)
    requests.post(
        "https://api.heygen.com/v1/streaming.start",
        headers=HEADERS,
        json={"session_id": SESSIONS[user][0]},
    ).raise_for_status()
    return SESSIONS[user]


def say(user, text):
    requests.post(
        "https://api.heygen.com/v1/streaming.task",
        headers=HEADERS,
        json={"session_id": SESSIONS[user][0], "text": text, "task_type": "repeat"},
    ).raise_for_status()


def ask(user, question):
    requests.post(
        "https://api.heygen.com/v1/streaming.task",
        headers=HEADERS,
        json={"session_id": SESSIONS[user][0], "text": question, "task_type": "chat"},
    ).raise_for_status()


def ping(user):
    requests.post(
        "https://api.heygen.com/v1/streaming.keep_alive",
        headers=HEADERS,
        json={"session_id": SESSIONS[user][0]},
    )


def close(user):
    entry = SESSIONS.pop(user, None)
    if entry is None:
        return
    session_id, _, _ = entry
    requests.post(
        "https://api.heygen.com/v1/streaming.stop",
        headers=HEADERS,
        json={"session_id": session_id},
    )


def close_all():
    for user in list(SESSIONS):
        close(user)


atexit.register(close_all)
