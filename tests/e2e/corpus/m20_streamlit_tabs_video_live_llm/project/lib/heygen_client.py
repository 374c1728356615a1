import json
import logging
import time

import requests

logger = logging.getLogger(__name__)

API_BASE = "https://api.heygen.com"


class HeyGenClient:
    """Tiny HeyGen client for the demo app (video + interactive avatar)."""

    def __init__(self, api_key):
        self.api_key = api_key

    @property
    def headers(self):
        return {"accept": "application/json", "content-type": "application/json", "x-api-key": self.api_key}

    def _post(self, path, payload, retries=2):
        for i in range(retries + 1):
            resp = requests.post(API_BASE + path, headers=self.headers, data=json.dumps(payload), timeout=30)
            if resp.status_code == 429 and i < retries:
                time.sleep(1.5 * (i + 1))  # rate limited, back off a bit
                continue
            break
        resp.raise_for_status()
        return resp.json()

    # ---- avatars / voices
    def voices(self):
        resp = requests.get(API_BASE + "/v2/voices", headers=self.headers, timeout=30)
        resp.raise_for_status()
        return resp.json()["data"]["voices"]

    # ---- video generation
    def create_video(self, avatar_id, voice_id, script):
        payload = {
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id, "avatar_style": "normal"},
                    "voice": {"type": "text", "input_text": script, "voice_id": voice_id},
                }
            ],
            "title": script[:30],
        }
        return self._post("/v2/video/generate", payload)["data"]["video_id"]

    def video_status(self, video_id):
        resp = requests.get(API_BASE + "/v1/video_status.get", headers=self.headers,
                            params={"video_id": video_id}, timeout=30)
        return resp.json()["data"]

    # ---- streaming
    def new_session(self, avatar_id, voice_id=None):
        payload = {"quality": "high", "avatar_name": avatar_id, "version": "v2"}
        if voice_id:
            payload["voice"] = {"voice_id": voice_id}
        return self._post("/v1/streaming.new", payload)

    def start_session(self, session_id):
        return self._post("/v1/streaming.start", {"session_id": session_id})

    def send_text(self, session_id, text, task_type="repeat"):
        return self._post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})

    def stop_session(self, session_id):
        return self._post("/v1/streaming.stop", {"session_id": session_id})
