"""One client for everything the studio does with HeyGen: voices, videos and live sessions."""
import requests


class HeyGenStudio:
    API = "https://api.heygen.com"

    def __init__(self, api_key, timeout=30):
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key, "Accept": "application/json"})

    def _get(self, path, **params):
        r = self.session.get(self.API + path, params=params, timeout=self.timeout)
        r.raise_for_status()
        return r.json()["data"]

    def _post(self, path, body):
        r = self.session.post(self.API + path, json=body, timeout=self.timeout)
        r.raise_for_status()
        return r.json()["data"]

    # --- catalogue & videos (unchanged by the live part) ---------------------------------
    def voices(self):
        return [(v["name"], v["voice_id"]) for v in self._get("/v2/voices")["voices"]]

    def render(self, avatar_id, voice_id, script):
        data = self._post(
            "/v2/video/generate",
            {
                "title": script[:40],
                "video_inputs": [
                    {
                        "character": {"type": "avatar", "avatar_id": avatar_id},
                        "voice": {"type": "text", "voice_id": voice_id, "input_text": script},
                    }
                ],
            },
        )
        return data["video_id"]

    def video_status(self, video_id):
        return self._get("/v1/video_status.get", video_id=video_id)

    # --- live ------------------------------------------------------------------------------
    def go_live(self, avatar_id, quality="medium"):
        data = self._post("/v1/streaming.new", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})
        self._post("/v1/streaming.start", {"session_id": data["session_id"]})
        return data

    def say(self, session_id, text):
        self._post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})

    def end_live(self, session_id):
        self._post("/v1/streaming.stop", {"session_id": session_id})
