import os

import httpx


class AvatarClient:
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.http = httpx.Client(base_url="https://api.heygen.com", timeout=60)
        self.token = None
        self.session_id = None

    def _auth(self):
        return {"Authorization": f"Bearer {self.token}"}

    def connect(self, avatar_id):
        r = self.http.post("/v1/streaming.create_token", headers={"X-Api-Key": self.api_key})
        r.raise_for_status()
        self.token = r.json()["data"]["token"]
        r = self.http.post("/v1/streaming.new", headers=self._auth(), json={"avatar_id": avatar_id, "quality": "high", "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.http.post("/v1/streaming.start", headers=self._auth(), json={"session_id": self.session_id}).raise_for_status()
        return data["url"], data["access_token"]

    def speak(self, text):
        r = self.http.post(
            "/v1/streaming.task",
            headers=self._auth(),
            json={"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        )
        r.raise_for_status()
        return r.json()["data"]["duration_ms"]

    def disconnect(self):
        self.http.post("/v1/streaming.stop", headers=self._auth(), json={"session_id": self.session_id})
        self.http.close()
