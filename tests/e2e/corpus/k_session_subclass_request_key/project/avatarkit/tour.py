import os

from .http import KeyedSession


class TourGuide:
    """Walks a visitor through the gallery with a streaming avatar."""

    def __init__(self, http=None):
        self.http = http or KeyedSession()
        self.avatar_id = os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")
        self.session_id = None

    def begin(self):
        resp = self.http.post(
            "https://api.heygen.com/v1/streaming.new",
            json={"avatar_id": self.avatar_id, "quality": "high", "version": "v2"},
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        self.http.post(
            "https://api.heygen.com/v1/streaming.start", json={"session_id": self.session_id}
        ).raise_for_status()
        return data["url"], data["access_token"]

    def narrate(self, stop_name, text):
        resp = self.http.post(
            "https://api.heygen.com/v1/streaming.task",
            json={"session_id": self.session_id, "text": f"{stop_name}. {text}", "task_type": "repeat"},
        )
        resp.raise_for_status()

    def still_here(self):
        self.http.post(
            "https://api.heygen.com/v1/streaming.keep_alive", json={"session_id": self.session_id}
        ).raise_for_status()

    def listen(self):
        self.http.post(
            "https://api.heygen.com/v1/streaming.start_listening", json={"session_id": self.session_id}
        ).raise_for_status()

    def end(self):
        if self.session_id:
            self.http.post(
                "https://api.heygen.com/v1/streaming.stop", json={"session_id": self.session_id}
            )
            self.session_id = None
