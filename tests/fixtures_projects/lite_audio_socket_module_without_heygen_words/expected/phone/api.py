"""Opens the avatar's session; the socket module streams our own audio to it."""

import os
from dataclasses import dataclass

import requests
from . import liveavatar_bridge

BASE = "https://api.liveavatar.com/v1"


@dataclass
class Live:
    session_id: str
    url: str
    access_token: str
    realtime_endpoint: str


def open_session(avatar_id):
    headers = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
    r = requests.post(
        f"{BASE}/sessions/token",
        json={"mode": "LITE", "avatar_id": avatar_id, "video_settings": {"encoding": "VP8"}},
        headers=headers,
    )
    session_data = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    live = Live(
        session_id=session_data["session_id"],
        url=session_data["livekit_url"],
        access_token=session_data["livekit_client_token"],
        realtime_endpoint=session_data.get("ws_url"),
    )
    return live
