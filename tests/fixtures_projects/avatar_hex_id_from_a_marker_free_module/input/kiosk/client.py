import requests

API = "https://api.heygen.com/v1"


def new_session(api_key, avatar_id, voice_id=None, *, knowledge_base_id=None):
    body = {
        "avatar_id": avatar_id,
        "voice": {"voice_id": voice_id, "rate": 1.0},
        "knowledge_base_id": knowledge_base_id,
        "version": "v2",
    }
    response = requests.post(f"{API}/streaming.new", json=body, headers={"x-api-key": api_key})
    response.raise_for_status()
    return response.json()["data"]


class Kiosk:
    def __init__(self, api_key):
        self.api_key = api_key

    def open(self, avatar):
        body = {"avatar_name": avatar, "version": "v2"}
        response = requests.post(
            f"{API}/streaming.new", json=body, headers={"x-api-key": self.api_key}
        )
        return response.json()["data"]
