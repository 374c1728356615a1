"""Lobby screen announcer built on HeyGen's streaming avatar.

    with heygen_session("Anna_public_3_20240108") as s:
        s.say("Welcome!")
"""
import contextlib
import os
import posixpath

import requests
from requests.auth import AuthBase

API_ROOT = "https://api.heygen.com/v1"


class HeyGenKeyAuth(AuthBase):
    def __init__(self, api_key):
        self.api_key = api_key

    def __call__(self, r):
        r.headers["X-Api-Key"] = self.api_key
        return r


class Lobby:
    def __init__(self, http, session_id, room):
        self.http = http
        self.session_id = session_id
        self.room = room
        self.closed = False

    def _call(self, action, payload):
        resp = self.http.post(posixpath.join(API_ROOT, "streaming." + action), json=payload, timeout=20)
        resp.raise_for_status()
        return resp.json()["data"]

    def say(self, text):
        return self._call("task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def interrupt(self):
        self._call("interrupt", {"session_id": self.session_id})

    def ping(self):
        self._call("keep_alive", {"session_id": self.session_id})

    def close(self):
        if not self.closed:
            self._call("stop", {"session_id": self.session_id})
            self.closed = True


@contextlib.contextmanager
def heygen_session(avatar_id, quality="low"):
    http = requests.Session()
    http.auth = HeyGenKeyAuth(os.environ["HEYGEN_API_KEY"])
    resp = http.post(posixpath.join(API_ROOT, "streaming.new"),
                     json={"avatar_id": avatar_id, "quality": quality, "version": "v2"}, timeout=20)
    resp.raise_for_status()
    data = resp.json()["data"]
    lobby = Lobby(http, data["session_id"], (data["url"], data["access_token"]))
    try:
        lobby._call("start", {"session_id": lobby.session_id})
        yield lobby
    finally:
        lobby.close()
        http.close()
