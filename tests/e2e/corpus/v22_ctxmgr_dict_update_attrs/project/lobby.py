"""Lobby screen announcer built on HeyGen's streaming avatar.

    with HeyGenSession("Anna_public_3_20240108") as s:
        s.say("Welcome!")
"""
import os
from string import Template

import requests

ENDPOINT = Template("https://api.heygen.com/v1/streaming.$action")


class HeyGenError(Exception):
    pass


class HeyGenSession:
    def __init__(self, avatar_id, api_key=None, quality="low"):
        self.avatar_id = avatar_id
        self.api_key = api_key or os.environ.get("HEYGEN_API_KEY")
        self.quality = quality
        self.session_id = None
        self.url = None
        self.access_token = None
        self._http = None

    @property
    def room(self):
        return (self.url, self.access_token)

    def _call(self, action, payload):
        resp = self._http.post(ENDPOINT.substitute(action=action), json=payload, timeout=20)
        if resp.status_code != 200:
            raise HeyGenError("%s failed (%s): %s" % (action, resp.status_code, resp.text))
        return resp.json()["data"]

    def __enter__(self):
        self._http = requests.Session()
        self._http.headers.update({"X-Api-Key": self.api_key})
        data = self._call("new", {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"})
        vars(self).update({k: data[k] for k in ("session_id", "url", "access_token")})
        self._call("start", {"session_id": self.session_id})
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            if self.session_id:
                self._call("stop", {"session_id": self.session_id})
                self.session_id = None
        finally:
            self._http.close()
        return False

    def say(self, text):
        return self._call("task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def interrupt(self):
        self._call("interrupt", {"session_id": self.session_id})

    def ping(self):
        self._call("keep_alive", {"session_id": self.session_id})
