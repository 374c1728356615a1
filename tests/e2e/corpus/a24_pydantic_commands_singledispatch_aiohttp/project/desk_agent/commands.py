"""What the dialogue manager can ask of the avatar."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Open:
    avatar: str
    kb: str | None = None


@dataclass(frozen=True)
class Say:
    text: str
    chat: bool = False


@dataclass(frozen=True)
class Hush:
    pass


@dataclass(frozen=True)
class Ping:
    pass


@dataclass(frozen=True)
class Close:
    pass
