"""Quarterly webinar: a rendered intro video, then a live avatar Q&A.

Both parts use the same HeyGen account; the intro is a regular (rendered) video,
the Q&A an Interactive Avatar streaming session.
"""
from __future__ import annotations

import logging
import os
import time
from typing import Any

import requests

log = logging.getLogger("webinar")


class HeyGenError(RuntimeError):
    pass


class HeyGenClient:
    def __init__(self, api_key: str, base: str = "https://api.heygen.com") -> None:
        self.base = base
        self.http = requests.Session()
        self.http.headers.update({"X-Api-Key": api_key, "Content-Type": "application/json"})

    def _unwrap(self, resp: requests.Response) -> dict[str, Any]:
        if resp.status_code != 200:
            raise HeyGenError(f"{resp.url}: HTTP {resp.status_code} {resp.text[:200]}")
        body = resp.json()
        if body.get("error"):
            raise HeyGenError(f"{resp.url}: {body['error']}")
        return body.get("data") or {}

    # --- rendered video -------------------------------------------------------------------
    def generate_video(self, avatar_id: str, voice_id: str, script: str, title: str) -> str:
        payload = {
            "title": title,
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id, "avatar_style": "normal"},
                    "voice": {"type": "text", "voice_id": voice_id, "input_text": script},
                }
            ],
            "dimension": {"width": 1280, "height": 720},
        }
        data = self._unwrap(self.http.post(f"{self.base}/v2/video/generate", json=payload, timeout=60))
        return data["video_id"]

    def video_status(self, video_id: str) -> dict[str, Any]:
        resp = self.http.get(f"{self.base}/v1/video_status.get", params={"video_id": video_id}, timeout=30)
        return self._unwrap(resp)

    def wait_for_video(self, video_id: str, poll: float = 0.2, attempts: int = 50) -> str:
        for _ in range(attempts):
            status = self.video_status(video_id)
            if status.get("status") == "completed":
                return status["video_url"]
            if status.get("status") == "failed":
                raise HeyGenError(f"video {video_id} failed: {status.get('error')}")
            time.sleep(poll)
        raise HeyGenError(f"video {video_id} not ready after {attempts} polls")

    # --- streaming ------------------------------------------------------------------------
    def new_session(self, avatar_id: str, knowledge_base_id: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"avatar_id": avatar_id, "quality": "high", "version": "v2"}
        if knowledge_base_id:
            payload["knowledge_base_id"] = knowledge_base_id
        return self._unwrap(self.http.post(f"{self.base}/v1/streaming.new", json=payload, timeout=30))

    def start_session(self, session_id: str) -> None:
        self._unwrap(self.http.post(f"{self.base}/v1/streaming.start", json={"session_id": session_id}, timeout=30))

    def send_task(self, session_id: str, text: str, task_type: str = "chat") -> dict[str, Any]:
        return self._unwrap(
            self.http.post(
                f"{self.base}/v1/streaming.task",
                json={"session_id": session_id, "text": text, "task_type": task_type},
                timeout=30,
            )
        )

    def keep_alive(self, session_id: str) -> None:
        self._unwrap(self.http.post(f"{self.base}/v1/streaming.keep_alive", json={"session_id": session_id}, timeout=30))

    def stop_session(self, session_id: str) -> None:
        self._unwrap(self.http.post(f"{self.base}/v1/streaming.stop", json={"session_id": session_id}, timeout=30))


class Webinar:
    def __init__(self, client: HeyGenClient, avatar_id: str, voice_id: str, kb_id: str | None) -> None:
        self.client = client
        self.avatar_id = avatar_id
        self.voice_id = voice_id
        self.kb_id = kb_id
        self.session_id: str | None = None

    @classmethod
    def from_env(cls) -> "Webinar":
        return cls(
            HeyGenClient(os.environ["HEYGEN_API_KEY"]),
            avatar_id=os.environ["WEBINAR_AVATAR_ID"],
            voice_id=os.environ["WEBINAR_VOICE_ID"],
            kb_id=os.environ.get("WEBINAR_KB_ID"),
        )

    def render_intro(self, script: str) -> str:
        video_id = self.client.generate_video(self.avatar_id, self.voice_id, script, title="Webinar intro")
        log.info("rendering intro %s", video_id)
        return self.client.wait_for_video(video_id)

    def go_live(self) -> dict[str, str]:
        info = self.client.new_session(self.avatar_id, self.kb_id)
        self.session_id = info["session_id"]
        self.client.start_session(self.session_id)
        return {"url": info["url"], "access_token": info["access_token"]}

    def answer(self, question: str) -> None:
        self.client.send_task(self.session_id, question)
        self.client.keep_alive(self.session_id)

    def wrap_up(self, closing: str) -> None:
        try:
            self.client.send_task(self.session_id, closing, task_type="repeat")
        finally:
            self.client.stop_session(self.session_id)
            self.session_id = None
