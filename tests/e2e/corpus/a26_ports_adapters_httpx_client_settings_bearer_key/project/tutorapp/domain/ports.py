from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Room:
    session_id: str
    server_url: str
    token: str


class AvatarGateway(Protocol):
    def open_room(self, avatar_id: str) -> Room: ...

    def speak(self, session_id: str, text: str) -> None: ...

    def interrupt(self, session_id: str) -> None: ...

    def heartbeat(self, session_id: str) -> None: ...

    def close_room(self, session_id: str) -> None: ...

    def avatars(self) -> list[str]: ...

    def past_sessions(self) -> int: ...
