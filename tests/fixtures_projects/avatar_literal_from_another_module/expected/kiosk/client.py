import requests
from kiosk import liveavatar_bridge

API = "https://api.liveavatar.com/v1"


def new_session(api_key, avatar_id, voice_id=None, *, knowledge_base_id=None):
    # TODO(heygen2liveavatar): H2L101 `voice_id` (from the parameter `voice_id`): its callers chose a HeyGen voice, and voices are not migrated: pass a LiveAvatar voice UUID (GET /v1/voices)
    body = {
        "mode": "FULL",
        "avatar_id": avatar_id,
        "video_settings": {"encoding": "VP8"},
        "avatar_persona": {
            k: v
            for k, v in {
                "voice_id": voice_id,
                "voice_settings": {"provider": "elevenLabs", "speed": 1.0},
                "context_id": knowledge_base_id,
            }.items()
            if v is not None
        },
    }
    response = requests.post(f"{API}/sessions/token", json=body, headers={"X-API-KEY": api_key})
    response.raise_for_status()
    session_data = liveavatar_bridge.start_session(response.json(), response.url)["data"]
    return {
        **session_data,
        "url": session_data.get("livekit_url"),
        "access_token": session_data.get("livekit_client_token"),
    }


class Kiosk:
    def __init__(self, api_key):
        self.api_key = api_key

    def open(self, avatar):
        body = {
            "mode": "FULL",
            "avatar_id": avatar,
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        }
        response = requests.post(
            f"{API}/sessions/token", json=body, headers={"X-API-KEY": self.api_key}
        )
        session_data = liveavatar_bridge.start_session(response.json(), response.url)["data"]
        return {
            **session_data,
            "url": session_data.get("livekit_url"),
            "access_token": session_data.get("livekit_client_token"),
        }
