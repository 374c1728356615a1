"""Thin client for the HeyGen streaming avatar API."""

import os

import requests

API = "https://api.heygen.com/v1"


def _headers():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


class StreamingAvatar:
    def __init__(self, avatar_id=None, timeout=15):
        self.avatar_id = avatar_id or os.environ["AVATAR_ID"]
        self.timeout = timeout

    def new(self):
        resp = requests.post(
            f"{API}/streaming.new",
            headers=_headers(),
            json={"avatar_id": self.avatar_id, "quality": "medium", "version": "v2"},
            timeout=self.timeout,
        )
        resp.raise_for_status()
        return resp.json()["data"]

    def start(self, session_id):
        return requests.post(f"{API}/streaming.start", headers=_headers(), json={"session_id": session_id}, timeout=self.timeout).json()

    def say(self, session_id, text):
        r = requests.post(
            f"{API}/streaming.task",
            headers=_headers(),
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            timeout=self.timeout,
        )
        r.raise_for_status()
        return r.json()["data"]["task_id"]

    def stop(self, session_id):
        requests.post(f"{API}/streaming.stop", headers=_headers(), json={"session_id": session_id}, timeout=self.timeout)
