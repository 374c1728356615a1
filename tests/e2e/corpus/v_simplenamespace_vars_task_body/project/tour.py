"""Virtual tour guide on a HeyGen streaming avatar."""
import os
from types import SimpleNamespace

import requests

from bodies import TaskBody

KEY = os.environ["HEYGEN_API_KEY"]


class Guide:
    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")

    @staticmethod
    def _h():
        return {"X-Api-Key": KEY}

    def new(self):
        data = requests.post("https://api.heygen.com/v1/streaming.new", headers=self._h(),
                             json={"avatar_id": self.avatar, "version": "v2"}).json()["data"]
        return SimpleNamespace(**data)

    def start(self, sess):
        requests.post("https://api.heygen.com/v1/streaming.start", headers=self._h(), json={"session_id": sess.session_id}).raise_for_status()

    def say(self, sess, text):
        body = TaskBody(sess.session_id, text)
        return requests.post("https://api.heygen.com/v1/streaming.task", headers=self._h(),
                             json=vars(body)).json()["data"]["task_id"]

    def ping(self, sess):
        requests.post("https://api.heygen.com/v1/streaming.keep_alive", headers=self._h(), json={"session_id": sess.session_id})

    def stop(self, sess):
        return requests.post("https://api.heygen.com/v1/streaming.stop", headers=self._h(), json={"session_id": sess.session_id}).json()["message"]
