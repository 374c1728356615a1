"""A tiny Flask extension around HeyGen's Interactive Avatar API.

Usage::

    heygen = HeyGen()
    heygen.init_app(app)
    current_app.extensions["heygen"].open(...)
"""
import logging

import requests

logger = logging.getLogger(__name__)


class HeyGenAPIError(Exception):
    """The API answered, but not with code 100."""

    def __init__(self, message, status=502, code=None):
        super().__init__(message)
        self.status = status
        self.code = code


class HeyGen:
    def __init__(self, app=None):
        self.http = None
        self.api_url = None
        self.timeout = 20
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.api_url = app.config["HEYGEN_API_URL"].rstrip("/")
        self.timeout = app.config.get("HEYGEN_TIMEOUT", 20)
        self.http = requests.Session()
        self.http.headers.update(
            {"X-Api-Key": app.config["HEYGEN_API_KEY"], "Content-Type": "application/json"}
        )
        app.extensions["heygen"] = self

    # -- low level -----------------------------------------------------------------

    def _post(self, path, **payload):
        url = f"{self.api_url}/v1/{path}"
        logger.debug("POST %s %s", url, payload)
        r = self.http.post(url, json=payload, timeout=self.timeout)
        try:
            body = r.json()
        except ValueError:
            raise HeyGenAPIError(f"{path}: not JSON ({r.status_code})", status=502)
        if body.get("code") != 100:
            raise HeyGenAPIError(body.get("message") or "HeyGen error", status=502, code=body.get("code"))
        return body.get("data")

    # -- streaming -----------------------------------------------------------------

    def open(self, avatar_id, quality="medium", language=None):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2", "video_encoding": "H264"}
        if language:
            payload["stt_settings"] = {"provider": "deepgram", "language": language}
        session = self._post("streaming.new", **payload)
        self._post("streaming.start", session_id=session["session_id"])
        logger.info("avatar session %s started", session["session_id"])
        return session

    def say(self, session_id, text, task_type="repeat"):
        return self._post("streaming.task", session_id=session_id, text=text, task_type=task_type)

    def interrupt(self, session_id):
        self._post("streaming.interrupt", session_id=session_id)

    def ping(self, session_id):
        self._post("streaming.keep_alive", session_id=session_id)

    def close(self, session_id):
        self._post("streaming.stop", session_id=session_id)


heygen = HeyGen()
