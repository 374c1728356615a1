"""Webinar co-host: reads slide notes through a HeyGen streaming avatar (httpx edition)."""
import functools
import os
import posixpath
import threading

import httpx

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")

_http = httpx.Client(headers={"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")})
post = functools.partial(_http.post, timeout=15)


class CoHostError(RuntimeError):
    pass


def _url(*parts):
    return posixpath.join(BASE_URL, "v1", *parts)


def _ok(resp):
    payload = resp.json()
    if payload["code"] != 100:
        raise CoHostError(payload.get("message"))
    return payload["data"]


class CoHost:
    def __init__(self, avatar_id=None, keepalive_every=90.0):
        self.avatar_id = avatar_id or os.environ.get("COHOST_AVATAR", "Wayne_20240711")
        self.keepalive_every = keepalive_every
        self.session = None
        self._timer = None

    def _beat(self):
        self.keep_alive()
        self._timer = threading.Timer(self.keepalive_every, self._beat)
        self._timer.daemon = True
        self._timer.start()

    def go_live(self):
        data = _ok(post(_url("streaming.new"), json={"avatar_id": self.avatar_id, "version": "v2", "quality": "high"}))
        self.session = data
        _ok(post(_url("streaming.start"), json={"session_id": data["session_id"]}))
        self._beat()
        url, token = data["url"], data["access_token"]
        return url, token

    def keep_alive(self):
        post(_url("streaming.keep_alive"), json={"session_id": self.session["session_id"]})

    def read_notes(self, notes):
        for note in notes:
            _ok(post(_url("streaming.task"), json={"session_id": self.session["session_id"], "text": note, "task_type": "repeat"}))

    def wrap_up(self):
        if self._timer:
            self._timer.cancel()
        if self.session:
            post(_url("streaming.stop"), json={"session_id": self.session["session_id"]})
            self.session = None
