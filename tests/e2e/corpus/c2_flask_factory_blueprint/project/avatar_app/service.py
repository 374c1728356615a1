"""Thin wrapper over the HeyGen streaming endpoints the app needs."""
import requests

HEYGEN_API = "https://api.heygen.com/v1"


class HeyGenService:
    def __init__(self, api_key):
        self.api_key = api_key

    def _post(self, endpoint, payload):
        resp = requests.post(
            f"{HEYGEN_API}/{endpoint}",
            json=payload,
            headers={"X-Api-Key": self.api_key, "Content-Type": "application/json"},
            timeout=30,
        )
        resp.raise_for_status()
        return resp.json()

    def new_session(self, avatar_id, quality):
        return self._post("streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})["data"]

    def start(self, session_id):
        self._post("streaming.start", {"session_id": session_id})

    def speak(self, session_id, text):
        self._post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def stop(self, session_id):
        return self._post("streaming.stop", {"session_id": session_id})
