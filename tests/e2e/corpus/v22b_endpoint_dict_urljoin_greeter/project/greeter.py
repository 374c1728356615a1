"""Shop greeter: a HeyGen streaming avatar on the screen by the door."""
import logging
import os
from urllib.parse import urljoin

import requests

API_HOST = "https://api.heygen.com/"
ENDPOINTS = {
    "new": "v1/streaming.new",
    "start": "v1/streaming.start",
    "task": "v1/streaming.task",
    "keep_alive": "v1/streaming.keep_alive",
    "stop": "v1/streaming.stop",
}

logger = logging.getLogger(__name__)


class Greeter:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ.get("GREETER_AVATAR", "Anna_public_3_20240108")
        self.session_id = None
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": os.environ.get("HEYGEN_API_KEY", "")})

    def _post(self, action, body):
        resp = self.http.post(urljoin(API_HOST, ENDPOINTS[action]), json=body, timeout=20)
        resp.raise_for_status()
        return resp.json().get("data") or {}

    def connect(self):
        d = self._post("new", {"avatar_id": self.avatar_id, "version": "v2"})
        self.session_id = d["session_id"]
        url, token = d["url"], d["access_token"]
        self._post("start", {"session_id": self.session_id})
        logger.info("greeter session %s", self.session_id)
        return url, token

    def greet(self, text):
        self._post("task", {"session_id": self.session_id, "text": text})

    def keep_alive(self):
        self._post("keep_alive", {"session_id": self.session_id})

    def disconnect(self):
        if self.session_id is None:
            return
        self._post("stop", {"session_id": self.session_id})
        self.session_id = None
