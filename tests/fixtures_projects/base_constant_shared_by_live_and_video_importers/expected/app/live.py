import requests
from .config import LIVEAVATAR_BASE_URL, LIVEAVATAR_API_KEY
from . import liveavatar_bridge

H = {"X-API-KEY": LIVEAVATAR_API_KEY}

def open_session():
    # TODO(heygen2liveavatar): H2L101 `avatar_id` `x`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    data = liveavatar_bridge.start_session(
        requests.post(
            LIVEAVATAR_BASE_URL + "/v1/sessions/token",
            json={"mode": "FULL", "avatar_id": "x", "video_settings": {"encoding": "VP8"}, "avatar_persona": {}},
            headers=H,
        ).json()
    )["data"]
    return {**data, "url": data.get("livekit_url"), "access_token": data.get("livekit_client_token")}
