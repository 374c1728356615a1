"""The concierge desk: one HeyGen avatar greeting visitors."""

import os

from .gateway import HeyGenGateway, heygen_call
from . import liveavatar_bridge


class Desk:
    def __init__(self):
        self.gw = HeyGenGateway()
        self.session_id = None

    def open(self):
        # TODO(heygen2liveavatar): H2L101 `avatar_id` `Anna_public_3_20240108`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
        body = {
            "mode": "FULL",
            "avatar_id": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        }
        info = liveavatar_bridge.with_heygen_names(
            liveavatar_bridge.start_session(self.gw.call(name="token", body=body))
        )["data"]
        self.session_id = info["session_id"]
        return info["url"], info["access_token"]

    def greet(self, visitor):
        liveavatar_bridge.emit(self.session_id, "avatar.speak_text", text=f"Welcome, {visitor}!")

    def close(self):
        heygen_call(action="stop", session_id=self.session_id, reason="USER_CLOSED")
        liveavatar_bridge.release(self.session_id)
        self.session_id = None
