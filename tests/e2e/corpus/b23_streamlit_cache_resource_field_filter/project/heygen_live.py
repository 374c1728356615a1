"""HeyGen Interactive Avatar client used by the Streamlit page."""
import logging

import requests

log = logging.getLogger(__name__)

STREAMING_API = "https://api.heygen.com/v1/streaming"

# what a usable session must carry (HeyGen has returned partial payloads during incidents)
REQUIRED_FIELDS = ("session_id", "url", "access_token")


class SessionIncomplete(RuntimeError):
    pass


class HeyGenStreaming:
    def __init__(self, api_key, timeout=30):
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers["X-Api-Key"] = api_key

    def _post(self, action, payload):
        resp = self.http.post(f"{STREAMING_API}.{action}", json=payload, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def open(self, avatar_id, quality="low"):
        body = self._post("new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})
        data = body["data"]
        missing = [field for field in REQUIRED_FIELDS if not data.get(field)]
        if missing:
            raise SessionIncomplete(f"streaming.new returned no {', '.join(missing)}")
        self._post("start", {"session_id": data["session_id"]})
        log.info("session %s started", data["session_id"])
        return data

    def say(self, session_id, text):
        self._post("task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def interrupt(self, session_id):
        self._post("interrupt", {"session_id": session_id})

    def close(self, session_id):
        self._post("stop", {"session_id": session_id})
