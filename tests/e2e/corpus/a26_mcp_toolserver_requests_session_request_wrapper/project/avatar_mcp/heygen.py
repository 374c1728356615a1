import logging
import os

import requests

log = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    pass


class HeyGenStreaming:
    """Thin wrapper around the streaming endpoints we use for the concierge."""

    def __init__(self, api_key=None, base=None, timeout=30):
        self.base = (base or os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")).rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-API-Key": api_key or os.environ["HEYGEN_API_KEY"], "accept": "application/json"})

    def _request(self, method, path, **kw):
        resp = self.session.request(method, f"{self.base}{path}", timeout=self.timeout, **kw)
        resp.raise_for_status()
        body = resp.json()
        if body.get("code") != 100:
            raise HeyGenError(body.get("message") or "heygen error")
        return body.get("data", {})

    # --- avatars ---------------------------------------------------------
    def avatars(self):
        return self._request("GET", "/v1/streaming/avatar.list")

    # --- sessions --------------------------------------------------------
    def new_session(self, avatar_id, knowledge_base_id=None, quality="low"):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return self._request("POST", "/v1/streaming.new", json=payload)

    def start(self, session_id):
        return self._request("POST", "/v1/streaming.start", json={"session_id": session_id})

    def task(self, session_id, text, task_type="repeat"):
        log.debug("task %s %s", task_type, text)
        return self._request(
            "POST", "/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": task_type}
        )

    def interrupt(self, session_id):
        return self._request("POST", "/v1/streaming.interrupt", json={"session_id": session_id})

    def active(self):
        return self._request("GET", "/v1/streaming.list").get("sessions", [])

    def stop(self, session_id):
        return self._request("POST", "/v1/streaming.stop", json={"session_id": session_id})
