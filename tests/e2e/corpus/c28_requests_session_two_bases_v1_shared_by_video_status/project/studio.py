import os
import time

import requests


class StudioError(Exception):
    pass


class HeyGenStudio:
    """HeyGen video rendering and interactive avatars for the marketing studio."""

    def __init__(self, api_key=None):
        self.s = requests.Session()
        self.s.headers["X-Api-Key"] = api_key or os.environ["HEYGEN_API_KEY"]
        self.s.headers["Accept"] = "application/json"
        self.v2 = "https://api.heygen.com/v2"
        self.v1 = "https://api.heygen.com/v1"

    @staticmethod
    def _data(resp):
        if resp.status_code >= 400:
            raise StudioError(f"{resp.request.method} {resp.url}: {resp.status_code} {resp.text[:200]}")
        body = resp.json()
        if body.get("error"):
            raise StudioError(str(body["error"]))
        return body["data"]

    # --- assets and video --------------------------------------------------------
    def upload_image(self, path):
        with open(path, "rb") as fh:
            resp = self.s.post("https://upload.heygen.com/v1/asset", data=fh, headers={"Content-Type": "image/png"})
        return self._data(resp)["id"]

    def voices(self):
        return self._data(self.s.get(f"{self.v2}/voices"))["voices"]

    def render(self, avatar_id, voice_id, text):
        payload = {
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id},
                    "voice": {"type": "text", "voice_id": voice_id, "input_text": text},
                }
            ],
            "title": text[:40],
        }
        return self._data(self.s.post(f"{self.v2}/video/generate", json=payload))["video_id"]

    def wait(self, video_id, every=0.05, limit=100):
        for _ in range(limit):
            data = self._data(self.s.get(f"{self.v1}/video_status.get", params={"video_id": video_id}))
            if data["status"] == "completed":
                return data["video_url"]
            if data["status"] == "failed":
                raise StudioError(f"video {video_id} failed")
            time.sleep(every)
        raise StudioError("render timed out")

    # --- live ---------------------------------------------------------------------
    def go_live(self, avatar_id):
        data = self._data(self.s.post(f"{self.v1}/streaming.new", json={"avatar_id": avatar_id, "version": "v2"}))
        self._data(self.s.post(f"{self.v1}/streaming.start", json={"session_id": data["session_id"]}))
        return data

    def say(self, session_id, text):
        self._data(self.s.post(f"{self.v1}/streaming.task", json={"session_id": session_id, "text": text}))

    def interrupt(self, session_id):
        self._data(self.s.post(f"{self.v1}/streaming.interrupt", json={"session_id": session_id}))

    def end(self, session_id):
        self._data(self.s.post(f"{self.v1}/streaming.stop", json={"session_id": session_id}))
