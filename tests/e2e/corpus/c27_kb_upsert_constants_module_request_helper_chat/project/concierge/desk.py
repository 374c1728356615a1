import os

from . import api
from .endpoints import SESSION_NEW, SESSION_START, SESSION_STOP, SESSION_TASK


class Desk:
    """One concierge screen in the lobby."""

    def __init__(self, kb):
        self.kb = kb
        self.session_id = None

    def open(self):
        data = api.request(
            "POST",
            SESSION_NEW,
            json={
                "avatar_id": os.environ["CONCIERGE_AVATAR"],
                "knowledge_base_id": self.kb.id,
                "quality": "high",
                "version": "v2",
                "language": "en",
            },
        )
        self.session_id = data["session_id"]
        api.request("POST", SESSION_START, json={"session_id": self.session_id})
        return {"url": data["url"], "token": data["access_token"]}

    def ask(self, question):
        if not self.session_id:
            raise RuntimeError("desk is closed")
        api.request(
            "POST",
            SESSION_TASK,
            json={"session_id": self.session_id, "text": question, "task_type": "chat"},
        )

    def close(self):
        if self.session_id:
            api.request("POST", SESSION_STOP, json={"session_id": self.session_id})
            self.session_id = None
