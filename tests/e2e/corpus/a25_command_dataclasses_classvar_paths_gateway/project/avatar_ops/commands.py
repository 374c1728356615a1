"""Typed HeyGen streaming commands: one dataclass per endpoint, sent by AvatarGateway."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar


@dataclass
class Command:
    path: ClassVar[str]

    def payload(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class OpenSession(Command):
    path: ClassVar[str] = "/v1/streaming.new"
    avatar_id: str
    quality: str = "medium"
    version: str = "v2"


@dataclass
class StartSession(Command):
    path: ClassVar[str] = "/v1/streaming.start"
    session_id: str


@dataclass
class Say(Command):
    path: ClassVar[str] = "/v1/streaming.task"
    session_id: str
    text: str
    task_type: str = "repeat"


@dataclass
class Interrupt(Command):
    path: ClassVar[str] = "/v1/streaming.interrupt"
    session_id: str


@dataclass
class CloseSession(Command):
    path: ClassVar[str] = "/v1/streaming.stop"
    session_id: str
