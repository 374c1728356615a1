import logging
import os

import requests

logger = logging.getLogger(__name__)


class HeyGenHTTPError(Exception):
    pass


class TutorAvatar:
    """Interactive tutor on top of HeyGen Streaming + Video APIs."""

    API_BASE = "https://api.heygen.com/v1"
    VIDEO_BASE = "https://api.heygen.com/v2"

    def __init__(self, api_key=None, avatar_id=None, knowledge_base_id=None):
        self.api_key = api_key or os.getenv("HEYGEN_API_KEY")
        self.avatar_id = avatar_id or os.getenv("TUTOR_AVATAR_ID", "Wayne_20240711")
        self.knowledge_base_id = knowledge_base_id or os.getenv("TUTOR_KNOWLEDGE_BASE_ID")
        self.session_id = None
        self.http = requests.Session()

    def _headers(self):
        return {"x-api-key": self.api_key, "Content-Type": "application/json"}

    def _request(self, path, payload=None, base=None):
        url = (base or self.API_BASE) + path
        resp = self.http.post(url, json=payload or {}, headers=self._headers(), timeout=60)
        if resp.status_code >= 400:
            raise HeyGenHTTPError(f"{path}: {resp.status_code} {resp.text}")
        return resp.json()

    # --- streaming -----------------------------------------------------------------------------
    def start(self):
        payload = {
            "avatar_id": self.avatar_id,
            "quality": "medium",
            "knowledge_base_id": self.knowledge_base_id,
            "voice": {"rate": 1.0},
            "version": "v2",
        }
        data = self._request("/streaming.new", payload)["data"]
        self.session_id = data["session_id"]
        self._request("/streaming.start", {"session_id": self.session_id})
        logger.info("tutor session %s started", self.session_id)
        return data

    def say(self, text, task_type="chat"):
        """task_type: "chat" answers with the knowledge base, "repeat" reads text verbatim."""
        result = self._request(
            "/streaming.task",
            {"session_id": self.session_id, "text": text, "task_type": task_type, "task_mode": "sync"},
        )
        return result.get("data")

    def end(self):
        if self.session_id:
            self._request("/streaming.stop", {"session_id": self.session_id})
            self.session_id = None

    # --- video (not streaming) -----------------------------------------------------------------
    def render_recap(self, script):
        body = {
            "title": "Lesson recap",
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": "Wayne_20240711"},
                    "voice": {"type": "text", "input_text": script},
                }
            ],
        }
        data = self._request("/video/generate", body, base=self.VIDEO_BASE)["data"]
        return data["video_id"]
