import os

import requests

from .retry import with_backoff

HEYGEN_API = "https://api.heygen.com/v1"


class HeyGenBackend:
    name = "heygen"

    def __init__(self):
        self.headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}

    @with_backoff()
    def create(self, avatar_id):
        resp = requests.post(
            f"{HEYGEN_API}/streaming.new",
            json={"avatar_id": avatar_id, "quality": "medium", "version": "v2", "activity_idle_timeout": 300},
            headers=self.headers,
            timeout=20,
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        start = requests.post(
            f"{HEYGEN_API}/streaming.start", json={"session_id": data["session_id"]}, headers=self.headers, timeout=20
        )
        start.raise_for_status()
        return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}

    @with_backoff()
    def say(self, session_id, text):
        resp = requests.post(
            f"{HEYGEN_API}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
            headers=self.headers,
            timeout=20,
        )
        resp.raise_for_status()

    @with_backoff(retries=2)
    def ping(self, session_id):
        resp = requests.post(f"{HEYGEN_API}/streaming.keep_alive", json={"session_id": session_id}, headers=self.headers, timeout=10)
        return resp.status_code == 200

    def close(self, session_id):
        resp = requests.post(f"{HEYGEN_API}/streaming.stop", json={"session_id": session_id}, headers=self.headers, timeout=10)
        resp.raise_for_status()
