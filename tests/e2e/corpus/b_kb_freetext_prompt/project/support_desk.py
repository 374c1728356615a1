"""Acme support desk: a HeyGen avatar that answers customer questions.

Usage: python support_desk.py "question one" "question two"
"""
import os
import sys

import requests

HEYGEN = "https://api.heygen.com"

PERSONA = """You are Maya, a friendly customer support agent for Acme Cloud.
Answer in at most two sentences. Only talk about Acme Cloud accounts, billing and passwords.
Passwords are reset from Settings > Security > Reset password.
The account e-mail can be changed once every 30 days from Settings > Profile.
If you do not know the answer, offer to open a ticket."""


class SupportDesk:
    def __init__(self):
        self.api_key = os.environ["HEYGEN_API_KEY"]
        self.avatar = os.environ.get("SUPPORT_AVATAR", "June_HR_public")
        self.token = None
        self.session_id = None

    def _auth(self):
        return {"Authorization": f"Bearer {self.token}"}

    def open(self):
        r = requests.post(f"{HEYGEN}/v1/streaming.create_token", headers={"x-api-key": self.api_key})
        r.raise_for_status()
        self.token = r.json()["data"]["token"]

        r = requests.post(
            f"{HEYGEN}/v1/streaming.new",
            headers=self._auth(),
            json={
                "version": "v2",
                "avatar_id": self.avatar,
                "quality": "medium",
                "knowledge_base": PERSONA,
                "language": "en",
            },
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]

        r = requests.post(
            f"{HEYGEN}/v1/streaming.start", headers=self._auth(), json={"session_id": self.session_id}
        )
        r.raise_for_status()
        return {"url": data["url"], "access_token": data["access_token"]}

    def ask(self, question):
        r = requests.post(
            f"{HEYGEN}/v1/streaming.task",
            headers=self._auth(),
            json={"session_id": self.session_id, "text": question, "task_type": "talk"},
        )
        r.raise_for_status()
        return r.json()["data"]

    def close(self):
        r = requests.post(
            f"{HEYGEN}/v1/streaming.stop", headers=self._auth(), json={"session_id": self.session_id}
        )
        r.raise_for_status()


if __name__ == "__main__":
    desk = SupportDesk()
    print(desk.open())
    for q in sys.argv[1:]:
        desk.ask(q)
    desk.close()
