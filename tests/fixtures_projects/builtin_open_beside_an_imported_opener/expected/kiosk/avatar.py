import os

import requests
from . import liveavatar_bridge

API = "https://api.liveavatar.com/v1"
HEADERS = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}


def open(avatar_id):
    resp = requests.post(
        f"{API}/sessions/token",
        json={
            "mode": "FULL",
            "avatar_id": avatar_id,
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        },
        headers=HEADERS,
    )
    resp.raise_for_status()
    session_data = liveavatar_bridge.start_session(resp.json(), resp.url)["data"]
    return {
        **session_data,
        "url": session_data.get("livekit_url"),
        "access_token": session_data.get("livekit_client_token"),
    }


def start(session_id):
    # LiveAvatar: the session is started where its token is created (liveavatar_bridge.start_session).
    pass
