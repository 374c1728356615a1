from dataclasses import asdict, dataclass
from typing import ClassVar


@dataclass
class Command:
    path: ClassVar[str]

    def payload(self):
        return asdict(self)


@dataclass
class OpenSession(Command):
    path: ClassVar[str] = "/v1/streaming.new"
    avatar_id: str


@dataclass
class Say(Command):
    path: ClassVar[str] = "/v1/streaming.task"
    session_id: str
    text: str


@dataclass
class CloseSession(Command):
    path: ClassVar[str] = "/v1/streaming.stop"
    session_id: str
