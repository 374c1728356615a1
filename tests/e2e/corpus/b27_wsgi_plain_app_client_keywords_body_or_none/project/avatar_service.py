"""HeyGen streaming client used by the WSGI app (requests, one pooled session)."""
import os

import requests

HEYGEN_ROOT = os.environ.get("HEYGEN_ROOT", "https://api.heygen.com")


class ServiceError(Exception):
    status = 502


class AvatarService:
    def __init__(self, api_key=None):
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]

    def _call(self, method, path, **body):
        resp = self.http.request(method, f"{HEYGEN_ROOT}/v1/{path}", json=body or None, timeout=15)
        try:
            payload = resp.json()
        except ValueError:
            raise ServiceError(f"{path}: HTTP {resp.status_code}")
        if resp.status_code != 200 or payload.get("code") != 100:
            raise ServiceError(f"{path}: {payload.get('message')}")
        return payload["data"]

    def open(self, avatar_id, quality="medium"):
        data = self._call("POST", "streaming.new", avatar_id=avatar_id, quality=quality, version="v2")
        self._call("POST", "streaming.start", session_id=data["session_id"])
        return {"id": data["session_id"], "url": data["url"], "token": data["access_token"]}

    def speak(self, session_id, text):
        self._call("POST", "streaming.task", session_id=session_id, text=text, task_type="repeat")

    def interrupt(self, session_id):
        self._call("POST", "streaming.interrupt", session_id=session_id)

    def active(self):
        return [s["session_id"] for s in self._call("GET", "streaming.list")["sessions"]]

    def close(self, session_id):
        self._call("POST", "streaming.stop", session_id=session_id)
