"""HeyGen Interactive Avatar backend (kept for customers who have not moved yet)."""

import requests

BASE_URL = "https://api.heygen.com/v1"


# TODO(heygen2liveavatar): H2L901 this module is the HeyGen backend of a provider switch (`providers/__init__.py` chooses between it and `LiveAvatarProvider`): left as it is on purpose; delete it with its branch of the switch once no configuration selects HeyGen
class HeyGenProvider:
    def __init__(self, api_key: str) -> None:
        self.headers = {"x-api-key": api_key, "content-type": "application/json"}

    def start(self, avatar_id: str) -> dict:
        response = requests.post(
            f"{BASE_URL}/streaming.new",
            json={"avatar_name": avatar_id, "quality": "high", "version": "v2"},
            headers=self.headers,
            timeout=10,
        )
        response.raise_for_status()
        data = response.json()["data"]
        requests.post(
            f"{BASE_URL}/streaming.start",
            json={"session_id": data["session_id"]},
            headers=self.headers,
            timeout=10,
        ).raise_for_status()
        return {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}

    def speak(self, session_id: str, text: str) -> None:
        requests.post(
            f"{BASE_URL}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            headers=self.headers,
            timeout=10,
        ).raise_for_status()

    def stop(self, session_id: str) -> None:
        requests.post(
            f"{BASE_URL}/streaming.stop",
            json={"session_id": session_id},
            headers=self.headers,
            timeout=10,
        ).raise_for_status()
