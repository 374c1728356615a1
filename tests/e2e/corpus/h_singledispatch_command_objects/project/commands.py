"""Drive a HeyGen streaming avatar with command objects."""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import singledispatch
from typing import Any

API = "https://api.heygen.com/v1"
HEADERS = {
    "Content-Type": "application/json",
    "X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""),
}


@dataclass(frozen=True)
class OpenSession:
    avatar_id: str
    quality: str = "high"
    knowledge_base_id: str | None = None


@dataclass(frozen=True)
class Speak:
    text: str


@dataclass(frozen=True)
class Ask:
    text: str


@dataclass(frozen=True)
class Interrupt:
    pass


@dataclass(frozen=True)
class Close:
    pass


@singledispatch
def to_request(cmd: object, session_id: str | None) -> tuple[str, dict[str, Any]]:
    raise TypeError(f"unsupported command {cmd!r}")


@to_request.register
def _(cmd: OpenSession, session_id: str | None) -> tuple[str, dict[str, Any]]:
    body: dict[str, Any] = {"avatar_id": cmd.avatar_id, "quality": cmd.quality, "version": "v2"}
    if cmd.knowledge_base_id:
        body["knowledge_base_id"] = cmd.knowledge_base_id
    return "streaming.new", body


@to_request.register
def _(cmd: Speak, session_id: str | None) -> tuple[str, dict[str, Any]]:
    return "streaming.task", {"session_id": session_id, "text": cmd.text, "task_type": "repeat"}


@to_request.register
def _(cmd: Ask, session_id: str | None) -> tuple[str, dict[str, Any]]:
    return "streaming.task", {"session_id": session_id, "text": cmd.text, "task_type": "talk"}


@to_request.register
def _(cmd: Interrupt, session_id: str | None) -> tuple[str, dict[str, Any]]:
    return "streaming.interrupt", {"session_id": session_id}


@to_request.register
def _(cmd: Close, session_id: str | None) -> tuple[str, dict[str, Any]]:
    return "streaming.stop", {"session_id": session_id}


def _post(endpoint: str, body: dict[str, Any]) -> dict[str, Any]:
    req = urllib.request.Request(f"{API}/{endpoint}", data=json.dumps(body).encode(), headers=HEADERS, method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        payload = json.load(resp)
    if payload.get("code") != 100:
        raise RuntimeError(f"{endpoint}: {payload.get('message')}")
    return payload.get("data") or {}


class Avatar:
    def __init__(self, on_room: Callable[[str, str], None] | None = None) -> None:
        self.session_id: str | None = None
        self.on_room = on_room

    def send(self, cmd: object) -> dict[str, Any]:
        endpoint, body = to_request(cmd, self.session_id)
        data = _post(endpoint, body)
        if isinstance(cmd, OpenSession):
            self.session_id = data["session_id"]
            _post("streaming.start", {"session_id": self.session_id})
            if self.on_room:
                self.on_room(data["url"], data["access_token"])
        elif isinstance(cmd, Close):
            self.session_id = None
        return data


def run_script(avatar: Avatar, commands: Iterable[object]) -> None:
    for cmd in commands:
        avatar.send(cmd)
