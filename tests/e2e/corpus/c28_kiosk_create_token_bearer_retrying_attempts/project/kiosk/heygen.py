import logging
import os

import requests

from .retrying import Retrying

log = logging.getLogger("kiosk")

HEYGEN_API = "https://api.heygen.com/v1"


class KioskSession:
    def __init__(self, avatar_id, api_key=None):
        self.avatar_id = avatar_id
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.session_id = None
        self.room_url = None
        self.room_token = None
        self._bearer = None

    # -- plumbing -----------------------------------------------------------------
    def _create_token(self):
        for attempt in Retrying():
            with attempt:
                r = requests.post(f"{HEYGEN_API}/streaming.create_token", headers={"x-api-key": self.api_key}, timeout=10)
                r.raise_for_status()
        return r.json()["data"]["token"]

    def _call(self, action, **fields):
        body = {"session_id": self.session_id, **fields} if self.session_id else fields
        for attempt in Retrying():
            with attempt:
                r = requests.post(
                    f"{HEYGEN_API}/streaming.{action}",
                    json=body,
                    headers={"Authorization": f"Bearer {self._bearer}"},
                    timeout=15,
                )
                r.raise_for_status()
        return r.json().get("data")

    # -- lifecycle ------------------------------------------------------------------
    def __enter__(self):
        self._bearer = self._create_token()
        info = self._call("new", avatar_id=self.avatar_id, quality="high", version="v2")
        self.session_id = info["session_id"]
        self.room_url, self.room_token = info["url"], info["access_token"]
        self._call("start")
        log.info("kiosk session %s", self.session_id)
        return self

    def __exit__(self, *exc):
        if self.session_id:
            self._call("stop")
        return False

    # -- what the kiosk does ---------------------------------------------------------
    def speak(self, text):
        self._call("task", text=text, task_type="repeat")

    def listen(self):
        self._call("start_listening")

    def stop_listening(self):
        self._call("stop_listening")

    def interrupt(self):
        self._call("interrupt")
