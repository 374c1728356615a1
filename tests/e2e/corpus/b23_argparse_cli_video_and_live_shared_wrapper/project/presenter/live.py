"""Live presentation with an Interactive Avatar."""
import logging

from .settings import settings
from .utils.http import heygen_request

log = logging.getLogger(__name__)


class LivePresenter:
    def __init__(self, avatar_id=None, quality="medium"):
        self.avatar_id = avatar_id or settings.AVATAR_ID
        self.quality = quality
        self.session_id = None
        self.room = None

    def open(self):
        data = heygen_request(
            "POST",
            "/v1/streaming.new",
            json={"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"},
        )
        self.session_id = data["session_id"]
        heygen_request("POST", "/v1/streaming.start", json={"session_id": self.session_id})
        self.room = (data["url"], data["access_token"])
        log.info("live session %s", self.session_id)
        return self.room

    def say(self, text):
        heygen_request(
            "POST",
            "/v1/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
        )

    def close(self):
        if self.session_id:
            heygen_request("POST", "/v1/streaming.stop", json={"session_id": self.session_id})
            self.session_id = None
