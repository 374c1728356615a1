"""The kiosk's avatar sessions (the gateway knows the vendor)."""

import os

from .gateway import ApiGateway
from . import liveavatar_bridge


class KioskSessions:
    def __init__(self, gateway=None):
        self.gw = gateway or ApiGateway()

    def open(self):
        # TODO(heygen2liveavatar): H2L101 `avatar_id` `Anna_public_3_20240108`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
        body = {
            "mode": "FULL",
            "avatar_id": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
            "video_settings": {"quality": "low", "encoding": "VP8"},
            "avatar_persona": {},
        }
        data = liveavatar_bridge.with_heygen_names(
            liveavatar_bridge.start_session(self.gw.call("token", body))
        )["data"]
        return {"id": data["session_id"], "room": data["url"], "token": data["access_token"]}

    def say(self, session_id, text):
        liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)

    def close(self, session_id):
        self.gw.call("stop", {"session_id": session_id, "reason": "USER_CLOSED"})
        liveavatar_bridge.release(session_id)
