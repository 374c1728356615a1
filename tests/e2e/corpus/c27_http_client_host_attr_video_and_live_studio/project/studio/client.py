"""Thin HeyGen client on the standard library (the render box has no pip access)."""
import http.client
import json
import logging
import os
from collections import namedtuple
from urllib.parse import urlencode

log = logging.getLogger("studio")

LiveRoom = namedtuple("LiveRoom", ["session_id", "url", "token"])


class StudioError(RuntimeError):
    def __init__(self, path, code, message):
        super().__init__(f"{path}: {code} {message}")
        self.code = code


class Studio:
    def __init__(self, api_key=None, host=None, timeout=30):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.host = host or os.getenv("HEYGEN_HOST", "api.heygen.com")
        self.timeout = timeout

    # -- transport -----------------------------------------------------------------
    def _call(self, method, path, payload=None):
        conn = http.client.HTTPSConnection(self.host, timeout=self.timeout)
        headers = {"X-Api-Key": self.api_key, "Accept": "application/json"}
        body = None
        if payload is not None:
            body = json.dumps(payload)
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            raw = resp.read().decode("utf-8")
        finally:
            conn.close()
        doc = json.loads(raw) if raw else {}
        if resp.status >= 400 or doc.get("error"):
            raise StudioError(path, doc.get("code", resp.status), doc.get("message") or doc.get("error"))
        return doc

    # -- video API -------------------------------------------------------------------
    def voices(self):
        return self._call("GET", "/v2/voices")["data"]["voices"]

    def render(self, title, script, avatar_id, voice_id):
        payload = {
            "title": title,
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id, "avatar_style": "normal"},
                    "voice": {"type": "text", "input_text": script, "voice_id": voice_id},
                }
            ],
            "dimension": {"width": 1280, "height": 720},
        }
        return self._call("POST", "/v2/video/generate", payload)["data"]["video_id"]

    def status(self, video_id):
        q = urlencode({"video_id": video_id})
        return self._call("GET", f"/v1/video_status.get?{q}")["data"]

    # -- streaming -------------------------------------------------------------------
    def go_live(self, avatar_id, quality="medium"):
        doc = self._call(
            "POST",
            "/v1/streaming.new",
            {"avatar_id": avatar_id, "quality": quality, "version": "v2", "video_encoding": "H264"},
        )
        info = doc["data"]
        self._call("POST", "/v1/streaming.start", {"session_id": info["session_id"]})
        log.info("live session %s", info["session_id"])
        return LiveRoom(info["session_id"], info["url"], info["access_token"])

    def narrate(self, session_id, text):
        self._call(
            "POST",
            "/v1/streaming.task",
            {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "async"},
        )

    def ping(self, session_id):
        try:
            self._call("POST", "/v1/streaming.keep_alive", {"session_id": session_id})
        except StudioError as exc:
            log.warning("keep-alive failed: %s", exc)
            return False
        return True

    def end(self, session_id):
        self._call("POST", "/v1/streaming.stop", {"session_id": session_id})
