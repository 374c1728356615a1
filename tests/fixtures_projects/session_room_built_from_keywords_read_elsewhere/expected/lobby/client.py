import os
from typing import TypedDict

import requests
from . import liveavatar_bridge

API = "https://api.liveavatar.com/v1"
HEADERS = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}


class Room(TypedDict):
    session_id: str
    url: str
    access_token: str


def open_room(avatar_id: str) -> Room:
    r = requests.post(
        f"{API}/sessions/token",
        json={
            "mode": "FULL",
            "avatar_id": avatar_id,
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        },
        headers=HEADERS,
    )
    data = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    return Room(session_id=data["session_id"], url=data["livekit_url"], access_token=data["livekit_client_token"])
