"""Lobby screen announcer built on HeyGen's streaming avatar (stdlib only)."""
import json
import os
import urllib.error
import urllib.request

API_ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com")


class HeyGenError(Exception):
    pass


class HeyGenSession:
    def __init__(self, avatar_id, api_key=None, quality="low"):
        self.avatar_id = avatar_id
        self.api_key = api_key or os.environ.get("HEYGEN_API_KEY")
        self.quality = quality
        self.session_id = None
        self.room = None

    def _call(self, action, payload):
        req = urllib.request.Request(
            "{}/v1/streaming.{}".format(API_ROOT, action),
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json", "X-Api-Key": self.api_key},
            method="POST",
        )
        try:
            with urllib.request.urlopen(req, timeout=20) as resp:
                return json.load(resp).get("data")
        except urllib.error.HTTPError as exc:
            raise HeyGenError("%s failed (%s)" % (action, exc.code)) from exc

    def __enter__(self):
        data = self._call("new", {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"})
        self.session_id = data["session_id"]
        self.room = (data["url"], data["access_token"])
        self._call("start", {"session_id": self.session_id})
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.session_id:
            self._call("stop", {"session_id": self.session_id})
            self.session_id = None
        return False

    def say(self, text):
        return self._call("task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def interrupt(self):
        self._call("interrupt", {"session_id": self.session_id})

    def ping(self):
        self._call("keep_alive", {"session_id": self.session_id})
