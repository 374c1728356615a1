import os

import requests

import pages
import liveavatar_bridge

API = "https://api.liveavatar.com/v1"
HEADERS = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}


def lobby_page(avatar_id):
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
    session = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    return pages.viewer_page(
        {**session, "url": session.get("livekit_url"), "access_token": session.get("livekit_client_token")},
        title="Lobby avatar",
    )
