"""Lobby screen announcer built on HeyGen's streaming avatar.

    with HeyGenSession("Anna_public_3_20240108") as s:
        s.say("Welcome!")
"""
import functools
import os
import time

import requests

API_ROOT = "https://api.heygen.com"


def retry(times=3, delay=0.2):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except requests.ConnectionError:
                    if attempt == times - 1:
                        raise
                    time.sleep(delay)
        return wrapper
    return decorate


class HeyGenSession:
    def __init__(self, avatar_id, api_key=None, quality="low"):
        self.avatar_id = avatar_id
        self.quality = quality
        self.session_id = None
        self.room = None
        self._http = requests.Session()
        self._http.headers.update({"X-Api-Key": api_key or os.environ.get("HEYGEN_API_KEY")})

    @retry(times=3)
    def _call(self, action, payload):
        resp = self._http.post(f"{API_ROOT}/v1/streaming.{action}", json=payload, timeout=20)
        resp.raise_for_status()
        return resp.json()["data"]

    def __enter__(self):
        data = self._call("new", {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"})
        self.session_id = data["session_id"]
        url, token = data["url"], data["access_token"]
        self.room = (url, token)
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
