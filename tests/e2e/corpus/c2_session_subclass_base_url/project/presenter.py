"""Reads slide notes aloud with a HeyGen streaming avatar."""
import logging
import os

from heygen_http import HeyGenHTTP

log = logging.getLogger(__name__)


class Presenter:
    def __init__(self, api_key, avatar_id, quality="medium"):
        self.http = HeyGenHTTP(api_key)
        self.avatar_id = avatar_id
        self.quality = quality
        self.session_id = None

    @classmethod
    def from_env(cls):
        return cls(os.environ["HEYGEN_API_KEY"], os.environ.get("PRESENTER_AVATAR", "Anna_public_3_20240108"))

    def open(self):
        data = self.http.post(
            "streaming.new",
            json={"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2", "video_encoding": "VP8"},
        )
        self.session_id = data["session_id"]
        self.http.post("streaming.start", json={"session_id": self.session_id})
        log.info("presenter session %s started", self.session_id)
        return {"url": data["url"], "token": data["access_token"]}

    def say(self, text):
        self.http.post(
            "streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        )

    def present(self, notes):
        for i, note in enumerate(notes):
            if i:
                # long decks: keep the session from idling out between slides
                self.http.post("streaming.keep_alive", json={"session_id": self.session_id})
            self.say(note)

    def close(self):
        if self.session_id:
            self.http.post("streaming.stop", json={"session_id": self.session_id})
            self.session_id = None
        self.http.close()
