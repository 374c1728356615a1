import os

from heygen_client import HeyGenClient


class HelpDesk:
    def __init__(self):
        self.client = HeyGenClient()
        self.session_id = None

    def open(self):
        info = self.client.new_session(
            os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
            quality="high",
            knowledge_base_id=os.environ.get("KNOWLEDGE_BASE_ID"),
        )
        self.session_id = info["session_id"]
        self.client.start_session(self.session_id)
        return {"url": info["url"], "access_token": info["access_token"]}

    def greet(self, text):
        return self.client.speak(self.session_id, text)

    def answer(self, question):
        return self.client.ask(self.session_id, question)

    def hush(self):
        self.client.interrupt(self.session_id)

    def ping(self):
        self.client.keep_alive(self.session_id)

    def close(self):
        self.client.stop_session(self.session_id)
        self.session_id = None
