"""The live half of the studio: speak and close what api.open_session opened."""
from .api import _post, open_session


class LiveAvatar:
    def __init__(self, avatar_id):
        self.avatar_id = avatar_id
        self.session_id = None

    def start(self):
        data = open_session(self.avatar_id)
        self.session_id = data["session_id"]
        return data["url"], data["access_token"]

    def say(self, text):
        _post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def close(self):
        _post("/v1/streaming.stop", {"session_id": self.session_id})
        self.session_id = None
