import os

import requests
import liveavatar_bridge


class Studio:
    API = "https://api.heygen.com"
    LIVEAVATAR_API = "https://api.liveavatar.com"

    def __init__(self, api_key):
        self.session = requests.Session()
        self.session.headers.update({"X-API-KEY": api_key})

    def _post(self, path, body):
        r = self.session.post(self.API + path, json=body, timeout=30)
        r.raise_for_status()
        return r.json()["data"]

    def _liveavatar_post(self, path, body):
        """`_post` on LiveAvatar's base with the LiveAvatar key: HeyGen's other APIs keep `_post`."""
        headers = {"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}
        r = self.session.post(self.LIVEAVATAR_API + path, json=body, timeout=30, headers=headers)
        r.raise_for_status()
        return r.json()["data"]

    def render(self, avatar_id, script):
        data = self._post("/v2/video/generate", {"video_inputs": [{"avatar_id": avatar_id, "input_text": script}]})
        return data["video_id"]

    def go_live(self, avatar_id):
        data = liveavatar_bridge.start_session(
            self._liveavatar_post(
                "/v1/sessions/token",
                {
                    "mode": "FULL",
                    "avatar_id": avatar_id,
                    "video_settings": {"encoding": "VP8"},
                    "avatar_persona": {},
                },
            )
        )
        return data["session_id"], data["livekit_url"], data["livekit_client_token"]

    def end_live(self, session_id):
        self._liveavatar_post("/v1/sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"})
        liveavatar_bridge.release(session_id)
