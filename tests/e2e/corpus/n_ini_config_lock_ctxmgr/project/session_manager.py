"""Thread-safe avatar session manager for the reception kiosk.

    with AvatarSessionManager.from_ini("avatar.ini") as mgr:
        mgr.say("hi")
"""
import configparser
import os
import threading

import requests

HEYGEN_BASE = os.getenv("HEYGEN_BASE", "https://api.heygen.com")
API_VERSION = "v1"

class AvatarSessionManager:
    def __init__(self, cfg):
        self.cfg = cfg
        self.lock = threading.Lock()
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")})
        self.session_id = None
        self.room = {}

    @classmethod
    def from_ini(cls, path):
        parser = configparser.ConfigParser()
        parser.read(path)
        return cls(parser)

    def _endpoint(self, name):
        # base used to come from the ini too (base_url = ...), moved to env for staging
        return "{}/{}/{}".format(HEYGEN_BASE, API_VERSION, name)

    def __enter__(self):
        h = self.cfg["heygen"]
        avatar = os.getenv("AVATAR_ID") or h.get("avatar_id")
        with self.lock:
            r = self.http.post(self._endpoint("streaming.new"), json={"avatar_id": avatar, "quality": h.get("quality", "low"), "version": "v2"})
            r.raise_for_status()
            d = r.json()["data"]
            self.session_id = d["session_id"]
            self.room = {"url": d["url"], "token": d["access_token"]}
            self.http.post(self._endpoint("streaming.start"), json={"session_id": self.session_id}).raise_for_status()
        return self

    def say(self, text):
        with self.lock:
            r = self.http.post(self._endpoint("streaming.task"), json={"session_id": self.session_id, "text": text})
            r.raise_for_status()
            return r.json()["data"]["task_id"]

    def greet(self):
        return self.say(self.cfg.get("kiosk", "greeting", fallback="Hello"))

    def heartbeat(self):
        with self.lock:
            self.http.post(self._endpoint("streaming.keep_alive"), json={"session_id": self.session_id})

    def __exit__(self, exc_type, exc, tb):
        with self.lock:
            if self.session_id:
                try:
                    self.http.post(self._endpoint("streaming.stop"), json={"session_id": self.session_id})
                except Exception:
                    pass
                self.session_id = None
        return False
