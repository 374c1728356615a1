from dataclasses import asdict, dataclass
from typing import ClassVar


@dataclass
class Command:
    path: ClassVar[str]

    def payload(self):
        return asdict(self)


@dataclass
class OpenSession(Command):
    # TODO(heygen2liveavatar): H2L901 this URL reaches its request where the tool cannot follow it (`/v1/streaming.new` is `POST /v1/sessions/token`): it was not migrated; change it with the code that sends it
    path: ClassVar[str] = "/v1/streaming.new"
    avatar_id: str


@dataclass
class Say(Command):
    # TODO(heygen2liveavatar): H2L201 `streaming.task` has no LiveAvatar endpoint (its calls become `liveavatar_bridge` events): migrate what still uses this URL, then delete it
    path: ClassVar[str] = "/v1/streaming.task"
    session_id: str
    text: str


@dataclass
class CloseSession(Command):
    path: ClassVar[str] = "/v1/sessions/stop"
    session_id: str
