import os

import requests
from lobby import liveavatar_bridge

AVATAR_ID = "Anna_public_3_20240108"  # the demo avatar


class StreamingClient:
    def __init__(self, api_key=None):
        self.http = requests.Session()
        self.http.headers.update({"X-API-KEY": api_key or os.environ["LIVEAVATAR_API_KEY"]})

    def new_session(self, avatar_id, quality="medium"):
        payload = {
            "mode": "FULL",
            "avatar_id": avatar_id,
            "video_settings": {
                k: v
                for k, v in {"quality": quality, "encoding": "VP8"}.items()
                if v is not None
            },
            "avatar_persona": {},
        }
        resp = self.http.post("https://api.liveavatar.com/v1/sessions/token", json=payload)
        resp.raise_for_status()
        session_data = liveavatar_bridge.start_session(resp.json(), resp.url)["data"]
        return {
            **session_data,
            "url": session_data.get("livekit_url"),
            "access_token": session_data.get("livekit_client_token"),
        }
