import os

import requests

STREAMING = "https://api.heygen.com/v1/streaming"


class BakeryAvatar:
    def __init__(self, knowledge_base_id):
        self.knowledge_base_id = knowledge_base_id
        self.avatar_id = os.getenv("BAKERY_AVATAR", "Anna_public_3_20240108")
        self.headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
        self.session_id = None

    def open(self):
        r = requests.post(
            f"{STREAMING}.new",
            headers=self.headers,
            json={
                "avatar_id": self.avatar_id,
                "knowledge_base_id": self.knowledge_base_id,
                "quality": "medium",
                "version": "v2",
            },
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        requests.post(f"{STREAMING}.start", headers=self.headers, json={"session_id": self.session_id})
        return {"url": data["url"], "access_token": data["access_token"]}

    def ask(self, question):
        r = requests.post(
            f"{STREAMING}.task",
            headers=self.headers,
            json={"session_id": self.session_id, "text": question, "task_type": "chat"},
        )
        r.raise_for_status()

    def close(self):
        requests.post(f"{STREAMING}.stop", headers=self.headers, json={"session_id": self.session_id})
