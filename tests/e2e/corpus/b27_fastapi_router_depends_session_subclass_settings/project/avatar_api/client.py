"""Thin HeyGen streaming client: a requests.Session that knows its base URL."""
import logging
from urllib.parse import urljoin

import requests

log = logging.getLogger(__name__)


class HeyGenError(RuntimeError):
    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


class BaseUrlSession(requests.Session):
    """requests.Session with a base URL, like requests-toolbelt's BaseUrlSession."""

    def __init__(self, base_url, timeout=20.0):
        super().__init__()
        self.base_url = base_url.rstrip("/") + "/"
        self.timeout = timeout

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, urljoin(self.base_url, url), *args, **kwargs)


class StreamingClient:
    def __init__(self, api_key, base_url, timeout=20.0):
        self.http = BaseUrlSession(base_url, timeout=timeout)
        self.http.headers.update({"x-api-key": api_key, "accept": "application/json"})

    def _call(self, endpoint, payload):
        resp = self.http.post(endpoint, json=payload)
        resp.raise_for_status()
        body = resp.json()
        if body.get("code") != 100:
            raise HeyGenError(body.get("message", "unknown error"), body.get("code"))
        return body.get("data") or {}

    def new_session(self, avatar_id, quality="medium", voice_id=None):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        if voice_id:
            payload["voice"] = {"voice_id": voice_id}
        data = self._call("streaming.new", payload)
        log.info("new session %s", data["session_id"])
        return data

    def start_session(self, session_id):
        return self._call("streaming.start", {"session_id": session_id})

    def speak(self, session_id, text):
        return self._call("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def interrupt(self, session_id):
        return self._call("streaming.interrupt", {"session_id": session_id})

    def close(self, session_id):
        return self._call("streaming.stop", {"session_id": session_id})
