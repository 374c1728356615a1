import os

import requests

from .tables import ENDPOINTS, Urls
from . import liveavatar_bridge

HEADERS = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}


def open_lobby(avatar_id):
    data = liveavatar_bridge.start_session(
        requests.post(
            ENDPOINTS["new"],
            headers=HEADERS,
            json={
                "mode": "FULL",
                "avatar_id": avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        ).json()
    )["data"]
    return {**data, "url": data.get("livekit_url"), "access_token": data.get("livekit_client_token")}


def ping(session_id):
    requests.post(ENDPOINTS["keep_alive"], headers=HEADERS, json={"session_id": session_id})


def hush(session_id):
    liveavatar_bridge.emit(session_id, "avatar.interrupt")


def close_lobby(session_id):
    requests.post(Urls.STOP, headers=HEADERS, json={"session_id": session_id, "reason": "USER_CLOSED"})
    liveavatar_bridge.release(session_id)
