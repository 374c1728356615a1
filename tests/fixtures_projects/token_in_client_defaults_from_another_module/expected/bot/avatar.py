import os

import httpx

from bot.auth import HEYGEN
from bot import liveavatar_bridge


class Avatar:
    def __init__(self, token: str, avatar_id: str) -> None:
        self.token = token
        self.avatar_id = avatar_id
        self.http = httpx.Client(base_url=HEYGEN, headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]})
        self.session_id = None

    def open(self) -> dict:
        # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `self.avatar_id`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
        r = self.http.post(
            "/sessions/token",
            json={
                "mode": "FULL",
                "avatar_id": self.avatar_id,
                "video_settings": {"encoding": "VP8"},
                "avatar_persona": {},
            },
        )
        r.raise_for_status()
        data = liveavatar_bridge.start_session(r.json(), r.url)["data"]
        self.session_id = data["session_id"]
        return {**data, "url": data.get("livekit_url"), "access_token": data.get("livekit_client_token")}

    def say(self, text: str) -> None:
        liveavatar_bridge.emit(self.session_id, "avatar.speak_text", text=text)

    def close(self) -> None:
        self.http.post(
            "/sessions/stop", json={"session_id": self.session_id, "reason": "USER_CLOSED"}
        ).raise_for_status()
        liveavatar_bridge.release(self.session_id)
        self.http.close()
