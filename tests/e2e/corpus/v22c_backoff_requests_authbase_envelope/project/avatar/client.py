from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import requests
from requests.auth import AuthBase

from .retrying import TransientError, retry

log = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com/v1/"


class HeyGenError(RuntimeError):
    pass


class HeyGenKeyAuth(AuthBase):
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["X-Api-Key"] = self.api_key
        return request


@dataclass
class Envelope:
    code: int
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)


class StreamingAvatar:
    """One interactive-avatar session; use it as a context manager."""

    def __init__(
        self,
        avatar_id: str,
        *,
        api_key: str | None = None,
        quality: str = "medium",
        http: requests.Session | None = None,
    ) -> None:
        api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self.avatar_id = avatar_id
        self.quality = quality
        self.base_url = HEYGEN_API
        self._http = http or requests.Session()
        self._http.auth = HeyGenKeyAuth(api_key)
        self.session_id: str | None = None
        self.room: tuple[str, str] | None = None

    @retry(attempts=4, base_delay=0.2, retry_on=(requests.ConnectionError, TransientError))
    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = self._http.post(urljoin(self.base_url, path), json=payload, timeout=15)
        if resp.status_code == 429 or resp.status_code >= 500:
            raise TransientError(f"{path}: HTTP {resp.status_code}")
        resp.raise_for_status()
        env = Envelope(**resp.json())
        if env.code != 100:
            raise HeyGenError(f"{path}: {env.message}")
        return env.data

    def open(self) -> StreamingAvatar:
        data = self._post("streaming.new", {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"})
        self.session_id = data["session_id"]
        self.room = (data["url"], data["access_token"])
        self._post("streaming.start", {"session_id": self.session_id})
        log.info("session %s started", self.session_id)
        return self

    def say(self, text: str) -> str:
        data = self._post("streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})
        return data["task_id"]

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
