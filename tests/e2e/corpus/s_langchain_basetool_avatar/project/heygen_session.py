import os
from typing import Optional

import requests

BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")


class AvatarState:
    """The live session every avatar tool of one agent shares."""

    def __init__(self, api_key: Optional[str] = None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.session_id: Optional[str] = None
        self.url: Optional[str] = None
        self.access_token: Optional[str] = None

    @property
    def headers(self) -> dict:
        return {"X-Api-Key": self.api_key, "Content-Type": "application/json"}

    def open(self, avatar_id: str, knowledge_base_id: Optional[str] = None) -> dict:
        body = {"avatar_id": avatar_id, "quality": "medium", "version": "v2"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        resp = requests.post(f"{BASE_URL}/v1/streaming.new", json=body, headers=self.headers, timeout=30)
        resp.raise_for_status()
        info = resp.json()["data"]
        requests.post(
            f"{BASE_URL}/v1/streaming.start",
            json={"session_id": info["session_id"]},
            headers=self.headers,
            timeout=30,
        ).raise_for_status()
        self.session_id = info["session_id"]
        self.url = info["url"]
        self.access_token = info["access_token"]
        return info

    def close(self) -> None:
        if self.session_id is None:
            return
        requests.post(
            f"{BASE_URL}/v1/streaming.stop",
            json={"session_id": self.session_id},
            headers=self.headers,
            timeout=30,
        )
        self.session_id = None
