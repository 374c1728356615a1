import os

import requests

API_BASE = "https://api.heygen.com/v1"
DEFAULT_SESSION = {"quality": "medium", "version": "v2"}
DEFAULT_TASK = {"task_type": "repeat", "task_mode": "sync"}


class StreamkitError(RuntimeError):
    pass


class Client:
    def __init__(self, api_key, avatar_id, default_kb=None):
        self.api_key = api_key
        self.avatar_id = avatar_id
        self.default_kb = default_kb

    @classmethod
    def from_env(cls):
        return cls(
            os.environ["HEYGEN_API_KEY"],
            os.environ.get("STREAMKIT_AVATAR", "Wayne_20240711"),
            os.environ.get("STREAMKIT_KB"),
        )

    def post(self, path, payload):
        resp = requests.post(
            API_BASE + path,
            json=payload,
            headers={"X-Api-Key": self.api_key, "Content-Type": "application/json"},
            timeout=30,
        )
        if not resp.ok:
            raise StreamkitError(f"{path}: HTTP {resp.status_code}: {resp.text}")
        return resp.json()

    def create_session(self, **overrides):
        body = {**DEFAULT_SESSION, "avatar_id": self.avatar_id, **overrides}
        data = self.post("/streaming.new", body)["data"]
        self.post("/streaming.start", {"session_id": data["session_id"]})
        return StreamingSession(self, data["session_id"], data["url"], data["access_token"])


class StreamingSession:
    def __init__(self, client, session_id, url, access_token):
        self.client = client
        self.session_id = session_id
        self.url = url
        self.access_token = access_token

    def speak(self, text, **options):
        payload = dict(DEFAULT_TASK)
        payload.update(options)
        payload.update(session_id=self.session_id, text=text)
        self.client.post("/streaming.task", payload)

    def interrupt(self):
        self.client.post("/streaming.interrupt", {"session_id": self.session_id})

    def close(self):
        self.client.post("/streaming.stop", {"session_id": self.session_id})
