"""The avatar as a set of tools an LLM can call."""

from __future__ import annotations

import os

import requests

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "speak",
            "description": "Say a sentence out loud through the avatar, word for word.",
            "parameters": {
                "type": "object",
                "properties": {"text": {"type": "string"}},
                "required": ["text"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "stop_speaking",
            "description": "Cut the avatar off mid-sentence.",
            "parameters": {"type": "object", "properties": {}},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "end_call",
            "description": "Hang up: close the avatar session.",
            "parameters": {"type": "object", "properties": {}},
        },
    },
]


class AvatarTools:
    def __init__(self, avatar_id: str | None = None, base: str = "https://api.heygen.com/v1"):
        self.base = base
        self.avatar_id = avatar_id or os.environ["AVATAR_ID"]
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
        self.session_id: str | None = None

    def connect(self) -> dict:
        r = self.http.post(
            f"{self.base}/streaming.new",
            json={"avatar_id": self.avatar_id, "quality": "low", "version": "v2"},
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        r = self.http.post(f"{self.base}/streaming.start", json={"session_id": self.session_id}, timeout=30)
        r.raise_for_status()
        return {"livekit_url": data["url"], "viewer_token": data["access_token"]}

    # --- tools -------------------------------------------------------------
    def speak(self, text: str) -> dict:
        r = self.http.post(
            f"{self.base}/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
            timeout=30,
        )
        r.raise_for_status()
        return {"ok": True, "task_id": r.json()["data"]["task_id"]}

    def stop_speaking(self) -> dict:
        r = self.http.post(f"{self.base}/streaming.interrupt", json={"session_id": self.session_id}, timeout=30)
        return {"ok": r.ok}

    def end_call(self) -> dict:
        r = self.http.post(f"{self.base}/streaming.stop", json={"session_id": self.session_id}, timeout=30)
        r.raise_for_status()
        self.session_id = None
        return {"ok": True}
