"""The concierge desk: one HeyGen avatar greeting visitors."""

import os

from .gateway import HeyGenGateway, heygen_call


class Desk:
    def __init__(self):
        self.gw = HeyGenGateway()
        self.session_id = None

    def open(self):
        body = {"avatar_id": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"), "version": "v2"}
        info = self.gw.call(name="new", body=body)["data"]
        self.session_id = info["session_id"]
        self.gw.call(name="start", body={"session_id": self.session_id})
        return info["url"], info["access_token"]

    def greet(self, visitor):
        self.gw.call(name="task", body={"session_id": self.session_id, "text": f"Welcome, {visitor}!"})

    def close(self):
        heygen_call(action="stop", session_id=self.session_id)
        self.session_id = None
