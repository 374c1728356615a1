"""LiveAvatar backend."""

import requests

BASE_URL = "https://api.liveavatar.com/v1"


class LiveAvatarProvider:
    def __init__(self, api_key: str) -> None:
        self.headers = {"X-API-KEY": api_key, "content-type": "application/json"}

    def start(self, avatar_id: str) -> dict:
        response = requests.post(
            f"{BASE_URL}/sessions/token",
            json={"mode": "FULL", "avatar_id": avatar_id},
            headers=self.headers,
            timeout=10,
        )
        response.raise_for_status()
        token = response.json()["data"]["session_token"]
        started = requests.post(
            f"{BASE_URL}/sessions/start",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        started.raise_for_status()
        return started.json()["data"]

    def stop(self, session_id: str) -> None:
        requests.post(
            f"{BASE_URL}/sessions/stop",
            json={"session_id": session_id, "reason": "USER_CLOSED"},
            headers=self.headers,
            timeout=10,
        ).raise_for_status()
