from __future__ import annotations

import logging
import os
from typing import Any

import httpx

from .retrying import TransientError, retry

log = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com"


class HeyGenError(RuntimeError):
    pass


class StreamingAvatar:
    """One interactive-avatar session; use it as a context manager."""

    def __init__(
        self,
        avatar_id: str,
        *,
        api_key: str | None = None,
        quality: str = "medium",
        http: httpx.Client | None = None,
    ) -> None:
        api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id
        self.quality = quality
        self._http = http or httpx.Client(headers={"Authorization": f"Bearer {api_key}"}, timeout=15.0)
        self.session_id: str | None = None
        self.room: tuple[str, str] | None = None

    @retry(attempts=4, base_delay=0.2, retry_on=(httpx.TransportError, TransientError))
    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = self._http.post(HEYGEN_API + "/v1/" + path, json=payload)
        if resp.status_code == 429 or resp.status_code >= 500:
            raise TransientError(f"{path}: HTTP {resp.status_code}")
        resp.raise_for_status()
        body = resp.json()
        if body.get("code") != 100:
            raise HeyGenError(f"{path}: {body.get('message')}")
        return body["data"]

    def open(self) -> StreamingAvatar:
        data = self._post("streaming.new", dict(avatar_id=self.avatar_id, quality=self.quality, version="v2"))
        self.session_id = data["session_id"]
        self.room = (data["url"], data["access_token"])
        self._post("streaming.start", {"session_id": self.session_id})
        log.info("session %s started", self.session_id)
        return self

    def say(self, text: str) -> str:
        return self._post("streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})["task_id"]

    def interrupt(self) -> None:
        self._post("streaming.interrupt", {"session_id": self.session_id})

    def close(self) -> None:
        if self.session_id is None:
            return
        try:
            self._post("streaming.stop", {"session_id": self.session_id})
        finally:
            self.session_id = None
            self.room = None

    def __enter__(self) -> StreamingAvatar:
        return self.open()

    def __exit__(self, *exc_info: object) -> None:
        self.close()
