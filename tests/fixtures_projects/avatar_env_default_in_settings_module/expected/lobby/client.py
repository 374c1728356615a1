import requests

from lobby import settings
from lobby import liveavatar_bridge


class HeyGenError(RuntimeError):
    pass


class StreamingClient:
    def __init__(self, api_key=settings.HEYGEN_API_KEY):
        self.http = requests.Session()
        self.http.headers.update({"X-API-KEY": api_key})

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
        if not resp.ok:
            raise HeyGenError(resp.text)
        session_data = liveavatar_bridge.start_session(
            resp.json(), resp.url, error=HeyGenError
        )["data"]
        return {
            **session_data,
            "url": session_data.get("livekit_url"),
            "access_token": session_data.get("livekit_client_token"),
        }
