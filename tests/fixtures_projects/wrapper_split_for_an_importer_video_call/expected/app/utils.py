import os

import requests
from . import liveavatar_bridge

HEYGEN_API = "https://api.heygen.com"
LIVEAVATAR_API = "https://api.liveavatar.com"


def heygen_post(path, payload=None):
    resp = requests.post(f"{HEYGEN_API}{path}", json=payload or {}, headers={"X-API-KEY": os.environ["HEYGEN_API_KEY"]}, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


def liveavatar_post(path, payload=None):
    """`heygen_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `heygen_post`."""
    headers = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
    resp = requests.post(f"{LIVEAVATAR_API}{path}", json=payload or {}, headers=headers, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


def open_session(avatar_id):
    data = liveavatar_bridge.start_session(
        liveavatar_post(
            "/v1/sessions/token",
            {"mode": "FULL", "avatar_id": avatar_id, "video_settings": {"encoding": "VP8"}, "avatar_persona": {}},
        )
    )
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]
