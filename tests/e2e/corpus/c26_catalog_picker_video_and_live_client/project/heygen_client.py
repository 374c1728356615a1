import os
import time

import requests


class HeyGenError(Exception):
    pass


class HeyGenClient:
    """Thin wrapper over the bits of the HeyGen API the studio uses."""

    base_url = "https://api.heygen.com"

    def __init__(self, api_key=None, timeout=30):
        self.session = requests.Session()
        self.session.headers.update(
            {"x-api-key": api_key or os.environ["HEYGEN_API_KEY"], "content-type": "application/json"}
        )
        self.timeout = timeout

    def _get(self, path, **params):
        r = self.session.get(self.base_url + path, params=params or None, timeout=self.timeout)
        if r.status_code != 200:
            raise HeyGenError(f"GET {path}: {r.status_code} {r.text}")
        return r.json()

    def _post(self, path, payload):
        r = self.session.post(self.base_url + path, json=payload, timeout=self.timeout)
        if r.status_code != 200:
            raise HeyGenError(f"POST {path}: {r.status_code} {r.text}")
        return r.json()

    # --- video -------------------------------------------------------------
    def voices(self):
        return self._get("/v2/voices")["data"]["voices"]

    def generate_video(self, avatar_id, voice_id, script):
        body = {
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id},
                    "voice": {"type": "text", "voice_id": voice_id, "input_text": script},
                }
            ],
            "dimension": {"width": 1280, "height": 720},
        }
        return self._post("/v2/video/generate", body)["data"]["video_id"]

    def wait_video(self, video_id, poll=0.2, tries=20):
        for _ in range(tries):
            data = self._get("/v1/video_status.get", video_id=video_id)["data"]
            if data["status"] in ("completed", "failed"):
                return data
            time.sleep(poll)
        raise HeyGenError(f"video {video_id} still rendering")

    # --- interactive avatar -------------------------------------------------
    def streaming_avatars(self):
        return self._get("/v1/streaming/avatar.list")["data"]

    def new_session(self, avatar_id, quality="medium"):
        return self._post("/v1/streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})["data"]

    def start_session(self, session_id):
        return self._post("/v1/streaming.start", {"session_id": session_id})

    def speak(self, session_id, text):
        return self._post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def stop_session(self, session_id):
        return self._post("/v1/streaming.stop", {"session_id": session_id})
