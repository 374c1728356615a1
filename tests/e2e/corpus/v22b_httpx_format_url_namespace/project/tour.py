"""Virtual tour guide on a HeyGen streaming avatar (httpx edition)."""
import os
from types import SimpleNamespace

import httpx

API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com/v1")


def auth_headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"}


def _url(path):
    return "{}/{}".format(API_BASE, path)


class Guide:
    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")

    def new(self):
        r = httpx.post(_url("streaming.new"), headers=auth_headers(),
                       json={"avatar_id": self.avatar, "version": "v2"}, timeout=30)
        r.raise_for_status()
        data = r.json().get("data", {})
        return SimpleNamespace(**data)

    def start(self, sess):
        r = httpx.post(_url("streaming.start"), headers=auth_headers(), json={"session_id": sess.session_id})
        r.raise_for_status()

    def say(self, sess, text):
        r = httpx.post(_url("streaming.task"), headers=auth_headers(),
                       json={"session_id": sess.session_id, "text": text})
        r.raise_for_status()
        return r.json().get("data", {}).get("task_id")

    def ping(self, sess):
        httpx.post(_url("streaming.keep_alive"), headers=auth_headers(), json={"session_id": sess.session_id})

    def stop(self, sess):
        r = httpx.post(_url("streaming.stop"), headers=auth_headers(), json={"session_id": sess.session_id})
        r.raise_for_status()
        return r.json().get("message")
