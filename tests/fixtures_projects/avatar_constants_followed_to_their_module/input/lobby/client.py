import os

import requests

AVATAR_ID = "Anna_public_3_20240108"  # the demo avatar


class StreamingClient:
    def __init__(self, api_key=None):
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]})

    def new_session(self, avatar_id, quality="medium"):
        payload = {"avatar_id": avatar_id, "quality": quality, "version": "v2"}
        resp = self.http.post("https://api.heygen.com/v1/streaming.new", json=payload)
        resp.raise_for_status()
        return resp.json()["data"]
