"""Concierge service: a streaming avatar at the front desk."""
from __future__ import annotations

import logging
import os

import requests

from .models import LiveRoom, OpenSessionRequest, Quality, SessionRef, SpeakRequest, TaskType

log = logging.getLogger(__name__)

HEYGEN_HOST = "https://api.heygen.com"


class ConciergeError(Exception):
    pass


class ConciergeService:
    def __init__(self, api_key: str, avatar: str, kb: str | None = None) -> None:
        self.avatar = avatar
        self.kb = kb
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": api_key, "accept": "application/json"})
        self.room: LiveRoom | None = None

    @classmethod
    def from_env(cls) -> "ConciergeService":
        return cls(
            api_key=os.environ["HEYGEN_API_KEY"],
            avatar=os.environ.get("CONCIERGE_AVATAR", "Anna_public_3_20240108"),
            kb=os.environ.get("CONCIERGE_KB"),
        )

    def _check(self, resp: requests.Response) -> dict:
        if not resp.ok:
            raise ConciergeError(f"{resp.request.url} -> {resp.status_code}: {resp.text[:200]}")
        return resp.json()

    def check_in(self) -> LiveRoom:
        req = OpenSessionRequest(avatar=self.avatar, quality=Quality.HIGH, kb=self.kb)
        resp = self.http.post(
            f"{HEYGEN_HOST}/v1/streaming.new",
            json=req.model_dump(by_alias=True, exclude_none=True, mode="json"),
            timeout=30,
        )
        self.room = LiveRoom.model_validate(self._check(resp)["data"])
        start = self.http.post(
            f"{HEYGEN_HOST}/v1/streaming.start",
            json=SessionRef(sid=self.room.session_id).model_dump(by_alias=True),
            timeout=30,
        )
        self._check(start)
        log.info("concierge session %s ready", self.room.session_id)
        return self.room

    def _speak(self, text: str, mode: TaskType) -> None:
        if self.room is None:
            raise ConciergeError("not checked in")
        req = SpeakRequest(sid=self.room.session_id, text=text, mode=mode)
        resp = self.http.post(
            f"{HEYGEN_HOST}/v1/streaming.task",
            json=req.model_dump(by_alias=True, mode="json"),
            timeout=30,
        )
        self._check(resp)

    def greet(self, text: str) -> None:
        self._speak(text, TaskType.REPEAT)

    def question(self, text: str) -> None:
        self._speak(text, TaskType.CHAT)

    def check_out(self) -> None:
        if self.room is None:
            return
        resp = self.http.post(
            f"{HEYGEN_HOST}/v1/streaming.stop",
            json=SessionRef(sid=self.room.session_id).model_dump(by_alias=True),
            timeout=30,
        )
        self._check(resp)
        self.room = None
