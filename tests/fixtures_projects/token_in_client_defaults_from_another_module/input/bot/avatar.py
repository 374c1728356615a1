import httpx

from bot.auth import HEYGEN


class Avatar:
    def __init__(self, token: str, avatar_id: str) -> None:
        self.token = token
        self.avatar_id = avatar_id
        self.http = httpx.Client(base_url=HEYGEN, headers={"Authorization": f"Bearer {self.token}"})
        self.session_id = None

    def open(self) -> dict:
        r = self.http.post("/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.http.post("/streaming.start", json={"session_id": self.session_id}).raise_for_status()
        return data

    def say(self, text: str) -> None:
        self.http.post("/streaming.task", json={"session_id": self.session_id, "text": text}).raise_for_status()

    def close(self) -> None:
        self.http.post("/streaming.stop", json={"session_id": self.session_id}).raise_for_status()
        self.http.close()
