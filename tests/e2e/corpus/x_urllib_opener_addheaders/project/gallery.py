"""Gallery kiosk: the avatar introduces each painting the visitor taps."""
import os

from heygen_opener import post

PAINTINGS = {
    "harbour": "The Harbour at Dawn, painted in 1889, shows the old fish market before the fire.",
    "orchard": "Orchard in Bloom was the painter's last canvas; note the unfinished ladder.",
}


class Kiosk:
    def __init__(self):
        self.session = None

    def wake(self):
        new = post("streaming.new", {"avatar_id": os.environ["KIOSK_AVATAR_ID"], "quality": "medium", "version": "v2"})
        self.session = new["data"]
        post("streaming.start", {"session_id": self.session["session_id"]})
        return self.session["url"], self.session["access_token"]

    def describe(self, painting):
        post("streaming.task", {"session_id": self.session["session_id"], "text": PAINTINGS[painting], "task_type": "repeat"})

    def idle(self):
        post("streaming.keep_alive", {"session_id": self.session["session_id"]})

    def sleep(self):
        post("streaming.stop", {"session_id": self.session["session_id"]})
        self.session = None
