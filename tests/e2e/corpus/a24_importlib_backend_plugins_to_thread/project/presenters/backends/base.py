from __future__ import annotations

from typing import Protocol


class Room(Protocol):
    session_id: str


class AvatarBackend(Protocol):
    def open(self, avatar: str) -> dict: ...
    def speak(self, text: str) -> None: ...
    def interrupt(self) -> None: ...
    def close(self) -> None: ...
