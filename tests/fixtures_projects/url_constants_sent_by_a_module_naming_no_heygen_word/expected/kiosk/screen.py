import os

import requests

from kiosk import endpoints
from kiosk.auth import fetch_token
from kiosk import liveavatar_bridge


def _auth(token):
    return {"Authorization": "Bearer " + token}


def open_screen():
    token = fetch_token()
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `os.environ["KIOSK_AVATAR"]`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    r = requests.post(
        endpoints.NEW_URL,
        headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        json={
            "mode": "FULL",
            "avatar_id": os.environ["KIOSK_AVATAR"],
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        },
        timeout=30,
    )
    r.raise_for_status()
    info = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    return token, {**info, "url": info.get("livekit_url"), "access_token": info.get("livekit_client_token")}


def show(token, session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)


def close_screen(token, session_id):
    requests.post(
        endpoints.STOP_URL,
        headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]},
        json={"session_id": session_id, "reason": "USER_CLOSED"},
        timeout=30,
    )
    liveavatar_bridge.release(session_id)
