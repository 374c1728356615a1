"""Product demo presenter built on our heystream SDK."""
import os

from heystream import HeyStreamError, StreamingClient

SLIDES = [
    "This is the dashboard: every order at a glance.",
    "Filters narrow it down to one region.",
    "Exports go straight to your spreadsheet.",
]


class Presenter:
    def __init__(self, client=None):
        self.client = client or StreamingClient()
        self.session = None

    def open(self):
        self.session = self.client.new(
            avatar_id=os.getenv("PRESENTER_AVATAR", "Anna_public_3_20240108"),
            quality="high",
            version="v2",
        )
        self.client.start(session_id=self.session["session_id"])
        return self.session["url"], self.session["access_token"]

    def present(self, slides=SLIDES):
        sid = self.session["session_id"]
        for slide in slides:
            self.client.task(session_id=sid, text=slide, task_type="repeat")
            self.client.keep_alive(session_id=sid)
        self.client.interrupt(session_id=sid)

    def close(self):
        try:
            self.client.stop(session_id=self.session["session_id"])
        except HeyStreamError as err:
            print("stop failed:", err)
        self.session = None
