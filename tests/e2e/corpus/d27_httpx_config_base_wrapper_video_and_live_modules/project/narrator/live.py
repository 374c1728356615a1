from . import config
from .api import heygen_call


class Narration:
    def __init__(self):
        self.session_id = None

    def start(self):
        info = heygen_call("/v1/streaming.new", {"avatar_id": config.AVATAR, "quality": "low", "version": "v2"})
        self.session_id = info["session_id"]
        heygen_call("/v1/streaming.start", {"session_id": self.session_id})
        return info["url"], info["access_token"]

    def read(self, lines):
        for line in lines:
            heygen_call("/v1/streaming.task", {"session_id": self.session_id, "text": line, "task_type": "repeat"})

    def finish(self):
        heygen_call("/v1/streaming.stop", {"session_id": self.session_id})
