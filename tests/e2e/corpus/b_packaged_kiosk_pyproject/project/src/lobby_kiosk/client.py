import logging
import os

import requests

log = logging.getLogger(__name__)


class KioskAvatar:
    def __init__(self, api_key, avatar_id, url="https://api.heygen.com"):
        self.api_key = api_key
        self.avatar_id = avatar_id
        self.url = url
        self.session_id = None

    @classmethod
    def from_env(cls):
        return cls(os.environ["HEYGEN_API_KEY"], os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108"))

    @property
    def headers(self):
        return {"X-Api-Key": self.api_key, "Content-Type": "application/json"}

    def open(self):
        resp = requests.post(
            f"{self.url}/v1/streaming.new",
            headers=self.headers,
            json={"avatar_id": self.avatar_id, "quality": "high", "version": "v2", "video_encoding": "H264"},
        )
        resp.raise_for_status()
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        resp = requests.post(
            f"{self.url}/v1/streaming.start", headers=self.headers, json={"session_id": self.session_id}
        )
        resp.raise_for_status()
        log.info("kiosk session %s", self.session_id)
        return {"url": data["url"], "access_token": data["access_token"]}

    def say(self, text):
        resp = requests.post(
            f"{self.url}/v1/streaming.task",
            headers=self.headers,
            json={"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "async"},
        )
        resp.raise_for_status()

    def _simple(self, action):
        resp = requests.post(
            f"{self.url}/v1/streaming.{action}", headers=self.headers, json={"session_id": self.session_id}
        )
        resp.raise_for_status()
        return resp.json()

    def listen(self):
        return self._simple("start_listening")

    def stop_listening(self):
        return self._simple("stop_listening")

    def interrupt(self):
        return self._simple("interrupt")

    def ping(self):
        return self._simple("keep_alive")

    def close(self):
        if self.session_id:
            requests.post(
                f"{self.url}/v1/streaming.stop", headers=self.headers, json={"session_id": self.session_id}
            )
            self.session_id = None
