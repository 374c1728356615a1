import os

import requests


class HeyGenAPI:
    """Minimal wrapper around the HeyGen streaming endpoints."""

    def __init__(self, api_key=None):
        self.api_key = api_key or os.getenv("HEYGEN_API_KEY")
        self.base = "https://api.heygen.com/v1"
        self.headers = {"accept": "application/json", "x-api-key": self.api_key}

    def new_session(self, avatar_id, knowledge_base_id=None):
        body = {"avatar_id": avatar_id, "version": "v2", "quality": "low"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        resp = requests.post(f"{self.base}/streaming.new", headers=self.headers, json=body)
        return resp.json()

    def start_session(self, session_id):
        resp = requests.post(f"{self.base}/streaming.start", headers=self.headers, json={"session_id": session_id})
        return resp.json()

    def speak(self, session_id, text, task_type="talk"):
        resp = requests.post(
            f"{self.base}/streaming.task",
            headers=self.headers,
            json={"session_id": session_id, "text": text, "task_type": task_type},
        )
        return resp.json()

    def stop_session(self, session_id):
        resp = requests.post(f"{self.base}/streaming.stop", headers=self.headers, json={"session_id": session_id})
        return resp.json()
