"""The tour guide: one HeyGen streaming session per visitor."""
from __future__ import annotations

import logging
from typing import Any, Iterable

import requests

from .config import GuideConfig

log = logging.getLogger(__name__)


class GuideError(RuntimeError):
    pass


class Guide:
    def __init__(self, config: GuideConfig) -> None:
        self.config = config
        self.session_id: str | None = None

    def _headers(self) -> dict[str, str]:
        return {"X-Api-Key": self.config.api_key, "Content-Type": "application/json"}

    def _post(self, endpoint: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = requests.post(
            f"{self.config.api_base}/{endpoint}",
            json=payload,
            headers=self._headers(),
            timeout=self.config.timeout,
        )
        body = resp.json()
        match body:
            case {"code": 100, "data": data}:
                return data or {}
            case {"code": code, "message": msg}:
                raise GuideError(f"{endpoint}: {code} {msg}")
            case _:
                raise GuideError(f"{endpoint}: unexpected response {body!r}")

    def open(self) -> dict[str, str]:
        payload: dict[str, Any] = {
            "avatar_id": self.config.avatar_id,
            "quality": self.config.quality,
            "version": "v2",
        }
        if self.config.knowledge_base_id:
            payload["knowledge_base_id"] = self.config.knowledge_base_id
        resp = requests.post(
            f"{self.config.api_base}/streaming.new",
            json=payload,
            headers=self._headers(),
            timeout=self.config.timeout,
        )
        match resp.json():
            case {"code": 100, "data": {"session_id": str(sid), "url": str(url), "access_token": str(token)}}:
                self.session_id = sid
            case {"message": msg}:
                raise GuideError(f"could not open a session: {msg}")
            case other:
                raise GuideError(f"could not open a session: {other!r}")
        self._post("streaming.start", {"session_id": sid})
        log.info("tour session %s is live", sid)
        return {"url": url, "access_token": token}

    def say(self, text: str) -> None:
        self._post("streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    def ask(self, question: str) -> None:
        self._post("streaming.task", {"session_id": self.session_id, "text": question, "task_type": "chat"})

    def run_tour(self, steps: Iterable[tuple]) -> None:
        for step in steps:
            match step:
                case ("say", str(text)):
                    self.say(text)
                case ("ask", str(question)):
                    self.ask(question)
                case ("pause",):
                    self._post("streaming.interrupt", {"session_id": self.session_id})
                case ("listen", True):
                    self._post("streaming.start_listening", {"session_id": self.session_id})
                case ("listen", False):
                    self._post("streaming.stop_listening", {"session_id": self.session_id})
                case _:
                    log.warning("unknown tour step %r", step)

    def close(self) -> None:
        if self.session_id is None:
            return
        try:
            self._post("streaming.stop", {"session_id": self.session_id})
        finally:
            self.session_id = None
