import os

import requests

from . import urls
from .urls import KEEP_ALIVE_URL, NEW_SESSION_URL
from . import liveavatar_bridge

HEADERS = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}


def open_session(avatar_id):
    r = requests.post(
        NEW_SESSION_URL,
        headers=HEADERS,
        json={
            "mode": "FULL",
            "avatar_id": avatar_id,
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        },
    )
    r.raise_for_status()
    data = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]


def say(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)


def close(session_id):
    requests.post(
        urls.STOP_SESSION_URL,
        headers=HEADERS,
        json={"session_id": session_id, "reason": "USER_CLOSED"},
    )
    liveavatar_bridge.release(session_id)


def keep_alive(session_id):
    requests.post(KEEP_ALIVE_URL, headers=HEADERS, json={"session_id": session_id})
