import os
from urllib.parse import urljoin

import requests

API = "https://api.heygen.com/"


class BakeryAvatar:
    def __init__(self, knowledge_base_id):
        self.kb = knowledge_base_id
        self.avatar = os.getenv("BAKERY_AVATAR", "Anna_public_3_20240108")
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        self.sid = None

    def _url(self, name):
        return urljoin(API, "v1/streaming." + name)

    def open(self):
        r = self.http.post(self._url("new"), json={"avatar_id": self.avatar, "knowledge_base_id": self.kb, "quality": "medium", "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        self.sid = data["session_id"]
        self.http.post(self._url("start"), json={"session_id": self.sid})
        return {"url": data["url"], "access_token": data["access_token"]}

    def ask(self, question):
        self.http.post(self._url("task"), json={"session_id": self.sid, "text": question, "task_type": "chat"}).raise_for_status()

    def close(self):
        self.http.post(self._url("stop"), json={"session_id": self.sid})
