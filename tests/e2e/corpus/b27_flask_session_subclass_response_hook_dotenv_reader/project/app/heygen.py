import os

import requests


class HeyGenError(Exception):
    """The API answered with an error envelope."""


def _check_envelope(response, *args, **kwargs):
    if response.status_code >= 400:
        raise HeyGenError(f"HTTP {response.status_code} from {response.url}")
    payload = response.json()
    if payload.get("code") not in (None, 100):
        raise HeyGenError(payload.get("message") or "unknown error")


class HeyGenSession(requests.Session):
    base_url = "https://api.heygen.com/v1/"

    def __init__(self, api_key=None):
        super().__init__()
        self.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.hooks["response"].append(_check_envelope)

    def request(self, method, url, **kwargs):
        if not url.startswith("http"):
            url = self.base_url + url.lstrip("/")
        kwargs.setdefault("timeout", 20)
        return super().request(method, url, **kwargs)


class Avatar:
    """One live avatar session."""

    def __init__(self, http, avatar_id):
        self.http = http
        self.avatar_id = avatar_id
        self.session_id = None
        self.livekit = None

    def open(self):
        data = self.http.post("streaming.new", json={
            "avatar_id": self.avatar_id,
            "quality": "medium",
            "video_encoding": "VP8",
            "version": "v2",
        }).json()["data"]
        self.session_id = data["session_id"]
        self.livekit = {"url": data["url"], "token": data["access_token"]}
        self.http.post("streaming.start", json={"session_id": self.session_id})
        return self

    def say(self, text):
        self.http.post("streaming.task", json={"session_id": self.session_id, "text": text})

    def close(self):
        if self.session_id:
            self.http.post("streaming.stop", json={"session_id": self.session_id})
            self.session_id = None
