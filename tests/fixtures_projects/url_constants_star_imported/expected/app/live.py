import os
import requests
from .constants import *
from . import liveavatar_bridge

H = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}

def open_session():
    # TODO(heygen2liveavatar): H2L101 `avatar_id` `x`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    data = liveavatar_bridge.start_session(
        requests.post(
            NEW_URL,
            json={
                "mode": "FULL",
                "avatar_id": "x",
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
            headers=H,
        ).json()
    )["data"]
    return {**data, "url": data.get("livekit_url"), "access_token": data.get("livekit_client_token")}

def close(sid):
    requests.post(STOP_URL, json={"session_id": sid, "reason": "USER_CLOSED"}, headers=H)
    liveavatar_bridge.release(sid)
