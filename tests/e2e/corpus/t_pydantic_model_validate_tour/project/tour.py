"""Virtual tour guide on a HeyGen streaming avatar."""
import os

import requests
from pydantic import BaseModel, ConfigDict

KEY = os.environ["HEYGEN_API_KEY"]


class StreamSession(BaseModel):
    model_config = ConfigDict(extra="ignore")

    session_id: str
    url: str
    access_token: str


class Guide:
    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")

    @staticmethod
    def _h():
        return {"X-Api-Key": KEY}

    def new(self):
        data = requests.post("https://api.heygen.com/v1/streaming.new", headers=self._h(),
                             json={"avatar_id": self.avatar, "version": "v2"}).json()["data"]
        return StreamSession.model_validate(data)

    def start(self, sess):
        requests.post("https://api.heygen.com/v1/streaming.start", headers=self._h(), json={"session_id": sess.session_id}).raise_for_status()

    def say(self, sess, text):
        return requests.post("https://api.heygen.com/v1/streaming.task", headers=self._h(),
                             json={"session_id": sess.session_id, "text": text}).json()["data"]["task_id"]

    def ping(self, sess):
        requests.post("https://api.heygen.com/v1/streaming.keep_alive", headers=self._h(), json={"session_id": sess.session_id})

    def stop(self, sess):
        return requests.post("https://api.heygen.com/v1/streaming.stop", headers=self._h(), json={"session_id": sess.session_id}).json()["message"]
