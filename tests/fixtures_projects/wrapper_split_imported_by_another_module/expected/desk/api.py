"""HeyGen REST calls of the help desk: recorded answers and the live avatar's session."""
import os

import requests
from . import liveavatar_bridge

API_BASE = "https://api.heygen.com"
LIVEAVATAR_API_BASE = "https://api.liveavatar.com"
HEADERS = {"X-API-KEY": os.environ["HEYGEN_API_KEY"]}


def _post(path, body):
    resp = requests.post(f"{API_BASE}{path}", json=body, headers=HEADERS, timeout=20)
    resp.raise_for_status()
    return resp.json()["data"]


def _liveavatar_post(path, body):
    """`_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `_post`."""
    headers = {k: v for k, v in HEADERS.items() if k.lower() not in ("authorization", "x-api-key")}
    headers["X-API-KEY"] = os.environ["LIVEAVATAR_API_KEY"]
    resp = requests.post(f"{LIVEAVATAR_API_BASE}{path}", json=body, headers=headers, timeout=20)
    resp.raise_for_status()
    return resp.json()["data"]


def record_answer(avatar_id, script):
    inputs = [{"character": {"type": "avatar", "avatar_id": avatar_id}, "voice": {"type": "text", "input_text": script}}]
    return _post("/v2/video/generate", {"video_inputs": inputs})["video_id"]


def open_session(avatar_id):
    data = liveavatar_bridge.start_session(
        _liveavatar_post(
            "/v1/sessions/token",
            {"mode": "FULL", "avatar_id": avatar_id, "video_settings": {"encoding": "VP8"}, "avatar_persona": {}},
        )
    )
    return {**data, "url": data.get("livekit_url"), "access_token": data.get("livekit_client_token")}
