"""The kiosk's avatar sessions (the gateway knows the vendor)."""

import os

from .gateway import ApiGateway


class KioskSessions:
    def __init__(self, gateway=None):
        self.gw = gateway or ApiGateway()

    def open(self):
        body = {
            "avatar_id": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
            "quality": "low",
            "version": "v2",
        }
        data = self.gw.call("new", body)["data"]
        self.gw.call("start", {"session_id": data["session_id"]})
        return {"id": data["session_id"], "room": data["url"], "token": data["access_token"]}

    def say(self, session_id, text):
        self.gw.call("task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def close(self, session_id):
        self.gw.call("stop", {"session_id": session_id})
