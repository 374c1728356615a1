import requests


class Studio:
    API = "https://api.heygen.com"

    def __init__(self, api_key):
        self.session = requests.Session()
        self.session.headers.update({"X-Api-Key": api_key})

    def _post(self, path, body):
        r = self.session.post(self.API + path, json=body, timeout=30)
        r.raise_for_status()
        return r.json()["data"]

    def render(self, avatar_id, script):
        data = self._post("/v2/video/generate", {"video_inputs": [{"avatar_id": avatar_id, "input_text": script}]})
        return data["video_id"]

    def go_live(self, avatar_id):
        data = self._post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})
        self._post("/v1/streaming.start", {"session_id": data["session_id"]})
        return data["session_id"], data["url"], data["access_token"]

    def end_live(self, session_id):
        self._post("/v1/streaming.stop", {"session_id": session_id})
