import os

import requests
from pydantic import BaseModel, ConfigDict

HEYGEN_API = "https://api.heygen.com/v1"


class StreamingSession(BaseModel):
    model_config = ConfigDict(extra="ignore")

    session_id: str
    url: str
    access_token: str
    realtime_endpoint: str


class HeyGenREST:
    def __init__(self, api_key=None):
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]})

    # these block the loop for a moment; fine for a one-call-at-a-time relay
    async def create(self, avatar_id) -> StreamingSession:
        resp = self.http.post(
            f"{HEYGEN_API}/streaming.new",
            json={"avatar_id": avatar_id, "quality": "low", "version": "v2", "video_encoding": "VP8"},
            timeout=20,
        )
        resp.raise_for_status()
        session = StreamingSession(**resp.json()["data"])
        start = self.http.post(f"{HEYGEN_API}/streaming.start", json={"session_id": session.session_id}, timeout=20)
        start.raise_for_status()
        return session

    async def close(self, session_id):
        resp = self.http.post(f"{HEYGEN_API}/streaming.stop", json={"session_id": session_id}, timeout=20)
        return resp.ok
