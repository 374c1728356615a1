"""Small client for the HeyGen endpoints the kiosk uses."""
import logging

import requests

log = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    pass


class HeyGenClient:
    def __init__(self, api_key, base_url="https://api.heygen.com", timeout=20):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})

    def close(self):
        self.http.close()

    @staticmethod
    def _unwrap(resp, what):
        if resp.status_code != 200:
            raise HeyGenError(f"{what}: HTTP {resp.status_code}")
        body = resp.json()
        if body.get("code") != 100:
            raise HeyGenError(f"{what}: {body.get('message')}")
        return body.get("data")

    # --- voices (catalogue shown in the kiosk's settings page) ---------------------------
    def list_voices(self):
        resp = self.http.get(f"{self.base_url}/v2/voices", timeout=self.timeout)
        data = self._unwrap(resp, "voices")
        return data["voices"]

    # --- streaming -----------------------------------------------------------------------
    def new_session(self, avatar_id, quality="medium"):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        resp = self.http.post(f"{self.base_url}/v1/streaming.new", json=payload, timeout=self.timeout)
        data = self._unwrap(resp, "streaming.new")
        log.info("new session %s", data["session_id"])
        return data

    def start_session(self, session_id):
        resp = self.http.post(
            f"{self.base_url}/v1/streaming.start", json={"session_id": session_id}, timeout=self.timeout
        )
        self._unwrap(resp, "streaming.start")

    def speak(self, session_id, text):
        resp = self.http.post(
            f"{self.base_url}/v1/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            timeout=self.timeout,
        )
        return self._unwrap(resp, "streaming.task")

    def interrupt(self, session_id):
        resp = self.http.post(
            f"{self.base_url}/v1/streaming.interrupt", json={"session_id": session_id}, timeout=self.timeout
        )
        self._unwrap(resp, "streaming.interrupt")

    def stop(self, session_id):
        resp = self.http.post(
            f"{self.base_url}/v1/streaming.stop", json={"session_id": session_id}, timeout=self.timeout
        )
        self._unwrap(resp, "streaming.stop")
