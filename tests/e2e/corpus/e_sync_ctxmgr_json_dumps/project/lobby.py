"""Lobby screen announcer built on HeyGen's streaming avatar.

    with HeyGenSession("Anna_public_3_20240108") as s:
        s.say("Welcome!")
"""
import json
import os

import requests

API_ROOT = "https://api.heygen.com"


class HeyGenError(Exception):
    pass


class HeyGenSession:
    def __init__(self, avatar_id, api_key=None, quality="low"):
        self.avatar_id = avatar_id
        self.api_key = api_key or os.environ.get("HEYGEN_API_KEY")
        self.quality = quality
        self.session_id = None
        self.room = None

    def _headers(self):
        return {"Content-Type": "application/json", "X-Api-Key": self.api_key}

    def _call(self, action, payload):
        url = API_ROOT + "/v1/streaming." + action
        resp = requests.post(url, data=json.dumps(payload), headers=self._headers(), timeout=20)
        if resp.status_code != 200:
            raise HeyGenError("%s failed (%s): %s" % (action, resp.status_code, resp.text))
        return json.loads(resp.text).get("data")

    def __enter__(self):
        data = self._call("new", {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"})
        self.session_id = data["session_id"]
        self.room = (data["url"], data["access_token"])
        try:
            self._call("start", {"session_id": self.session_id})
        except HeyGenError:
            self._close()
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        self._close()
        return False

    def _close(self):
        if self.session_id:
            self._call("stop", {"session_id": self.session_id})
            self.session_id = None

    def say(self, text):
        return self._call("task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def interrupt(self):
        self._call("interrupt", {"session_id": self.session_id})

    def ping(self):
        self._call("keep_alive", {"session_id": self.session_id})
