"""Executes show commands against the HeyGen streaming API.

One method per command type through functools.singledispatchmethod, so adding a command is one
new ``@handle.register`` method.
"""
import logging
import os
from functools import singledispatchmethod

import httpx

from commands import Ask, Close, Cut, Listen, Open, Ping, Say

logger = logging.getLogger("show.avatar")


class CommandError(Exception):
    pass


class AvatarHandler:
    def __init__(self, client: httpx.Client | None = None):
        self.client = client or httpx.Client(
            base_url="https://api.heygen.com",
            headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"},
            timeout=httpx.Timeout(20.0),
        )
        self.session_id: str | None = None
        self.viewer: dict | None = None

    def _call(self, path: str, body: dict) -> dict:
        r = self.client.post(path, json=body)
        if r.is_error:
            raise CommandError(f"{path} -> {r.status_code}: {r.text}")
        return r.json()

    def _require_session(self) -> str:
        if self.session_id is None:
            raise CommandError("no open session")
        return self.session_id

    @singledispatchmethod
    def handle(self, command):
        raise CommandError(f"unknown command {command!r}")

    @handle.register
    def _(self, command: Open) -> dict:
        body = {"avatar_id": command.avatar_id, "quality": command.quality, "version": "v2"}
        if command.voice_id:
            body["voice"] = {"voice_id": command.voice_id}
        if command.knowledge_base_id:
            body["knowledge_base_id"] = command.knowledge_base_id
        data = self._call("/v1/streaming.new", body)["data"]
        self.session_id = data["session_id"]
        self._call("/v1/streaming.start", {"session_id": self.session_id})
        self.viewer = {"url": data["url"], "token": data["access_token"]}
        logger.info("opened %s", self.session_id)
        return self.viewer

    @handle.register
    def _(self, command: Say) -> dict:
        payload = {"session_id": self._require_session(), "text": command.text, "task_type": "repeat"}
        return self._call("/v1/streaming.task", payload)["data"]

    @handle.register
    def _(self, command: Ask) -> dict:
        payload = {"session_id": self._require_session(), "text": command.question, "task_type": "chat"}
        return self._call("/v1/streaming.task", payload)["data"]

    @handle.register
    def _(self, command: Listen) -> None:
        action = "start_listening" if command.on else "stop_listening"
        self._call(f"/v1/streaming.{action}", {"session_id": self._require_session()})

    @handle.register
    def _(self, command: Cut) -> None:
        self._call("/v1/streaming.interrupt", {"session_id": self._require_session()})

    @handle.register
    def _(self, command: Ping) -> None:
        self._call("/v1/streaming.keep_alive", {"session_id": self._require_session()})

    @handle.register
    def _(self, command: Close) -> None:
        sid = self._require_session()
        logger.info("closing %s (%s)", sid, command.reason)
        self._call("/v1/streaming.stop", {"session_id": sid})
        self.session_id = None

    def run(self, script):
        return [self.handle(command) for command in script]
