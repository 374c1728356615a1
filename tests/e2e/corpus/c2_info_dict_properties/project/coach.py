"""Interview coach: a HeyGen streaming avatar that asks questions and listens."""
import os

import requests
from requests.auth import AuthBase

HEYGEN = "https://api.heygen.com"


class HeyGenKeyAuth(AuthBase):
    """Attach the HeyGen API key to every request."""

    def __init__(self, api_key):
        self.api_key = api_key

    def __call__(self, r):
        r.headers["x-api-key"] = self.api_key
        return r


class InterviewCoach:
    def __init__(self, api_key, avatar_id, knowledge_base_id=None):
        self.auth = HeyGenKeyAuth(api_key)
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        self._info = None

    # -- session data ---------------------------------------------------------------------
    @property
    def session_id(self):
        return self._info["session_id"] if self._info else None

    @property
    def livekit_url(self):
        return self._info["url"]

    @property
    def viewer_token(self):
        return self._info["access_token"]

    # -- calls ----------------------------------------------------------------------------
    def _post(self, path, body):
        resp = requests.post(HEYGEN + path, json=body, auth=self.auth, timeout=30)
        if resp.status_code != 200:
            raise RuntimeError(f"HeyGen {path} failed: {resp.status_code} {resp.text}")
        return resp

    def start(self):
        body = {"avatar_id": self.avatar_id, "version": "v2", "quality": "high"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        resp = self._post("/v1/streaming.new", body)
        self._info = resp.json()["data"]
        self._post("/v1/streaming.start", {"session_id": self.session_id})

    def say(self, text):
        self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def ask(self, prompt):
        self._post("/v1/streaming.task", {"session_id": self.session_id, "text": prompt, "task_type": "chat"})

    def listen(self, on=True):
        if on:
            self._post("/v1/streaming.start_listening", {"session_id": self.session_id})
        else:
            self._post("/v1/streaming.stop_listening", {"session_id": self.session_id})

    def end(self):
        if self._info:
            self._post("/v1/streaming.stop", {"session_id": self.session_id})
            self._info = None


def coach_from_env():
    return InterviewCoach(
        os.environ["HEYGEN_API_KEY"],
        os.environ.get("COACH_AVATAR", "Wayne_20240711"),
        os.environ.get("COACH_KB"),
    )
