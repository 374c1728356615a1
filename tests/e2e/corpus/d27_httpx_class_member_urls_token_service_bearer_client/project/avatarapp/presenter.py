import httpx

from .endpoints import Streaming
from .tokens import TokenService


class Presenter:
    def __init__(self, avatar_id: str):
        self.avatar_id = avatar_id
        self.tokens = TokenService()
        self.http = None
        self.session_id = None

    def begin(self):
        token = self.tokens.issue()
        self.http = httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30)
        r = self.http.post(Streaming.NEW, json={"avatar_id": self.avatar_id, "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.http.post(Streaming.START, json={"session_id": self.session_id}).raise_for_status()
        return data["url"], data["access_token"]

    def say(self, text):
        self.http.post(Streaming.TASK, json={"session_id": self.session_id, "text": text}).raise_for_status()

    def end(self):
        self.http.post(Streaming.STOP, json={"session_id": self.session_id}).raise_for_status()
        self.http.close()
