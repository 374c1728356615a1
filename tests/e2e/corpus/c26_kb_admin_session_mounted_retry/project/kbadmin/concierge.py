import os

from .client import BASE_URL, check, make_session
from .knowledge import KnowledgeBases

HOTEL_PROMPT = "You are the concierge of Hotel Miramar. Breakfast is 7-10am, checkout is at 11am."
HOTEL_OPENING = "Welcome to Hotel Miramar, how can I help?"


class Concierge:
    def __init__(self):
        self.http = make_session()
        self.kbs = KnowledgeBases(self.http)
        self.session_id = None
        self.room = None

    def open(self):
        kb_id = self.kbs.ensure("miramar-concierge", HOTEL_PROMPT, HOTEL_OPENING)
        body = check(
            self.http.post(
                f"{BASE_URL}/streaming.new",
                json={
                    "avatar_id": os.environ["CONCIERGE_AVATAR"],
                    "knowledge_base_id": kb_id,
                    "quality": "high",
                    "version": "v2",
                },
            )
        )
        self.session_id = body["data"]["session_id"]
        self.room = {"url": body["data"]["url"], "token": body["data"]["access_token"]}
        check(self.http.post(f"{BASE_URL}/streaming.start", json={"session_id": self.session_id}))
        return self.room

    def ask(self, question):
        check(
            self.http.post(
                f"{BASE_URL}/streaming.task",
                json={"session_id": self.session_id, "text": question, "task_type": "chat"},
            )
        )

    def hush(self):
        check(self.http.post(f"{BASE_URL}/streaming.interrupt", json={"session_id": self.session_id}))

    def close(self):
        if self.session_id:
            check(self.http.post(f"{BASE_URL}/streaming.stop", json={"session_id": self.session_id}))
            self.session_id = None
