import logging
import os

import requests

from .auth import HeyGenAuth

log = logging.getLogger(__name__)

BASE = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1")


class KioskAvatar:
    def __init__(self, avatar_id=None, quality="medium"):
        self.auth = HeyGenAuth()
        self.avatar_id = avatar_id or os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
        self.quality = quality
        self.session_id = None

    def open(self):
        r = requests.post(
            f"{BASE}/streaming.new",
            json={"quality": self.quality, "avatar_id": self.avatar_id, "version": "v2"},
            auth=self.auth,
            timeout=30,
        )
        r.raise_for_status()
        data = r.json().get("data", {})
        self.session_id = data.get("session_id")
        log.info("session %s", self.session_id)
        r = requests.post(f"{BASE}/streaming.start", json={"session_id": self.session_id}, auth=self.auth, timeout=30)
        r.raise_for_status()
        return {"url": data.get("url"), "token": data.get("access_token")}

    def say(self, text):
        r = requests.post(
            f"{BASE}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            auth=self.auth,
            timeout=30,
        )
        r.raise_for_status()
        return r.json().get("data", {}).get("task_id")

    def ping(self):
        r = requests.post(f"{BASE}/streaming.keep_alive", json={"session_id": self.session_id}, auth=self.auth, timeout=10)
        return r.ok

    def hush(self):
        requests.post(f"{BASE}/streaming.interrupt", json={"session_id": self.session_id}, auth=self.auth, timeout=10).raise_for_status()

    def close(self):
        if not self.session_id:
            return
        r = requests.post(f"{BASE}/streaming.stop", json={"session_id": self.session_id}, auth=self.auth, timeout=10)
        log.info("stop: %s", r.json().get("message"))
        self.session_id = None
