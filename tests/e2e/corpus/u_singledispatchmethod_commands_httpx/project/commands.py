"""Commands the show runner sends to the avatar (plain value objects)."""
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Open:
    avatar_id: str
    quality: str = "medium"
    voice_id: Optional[str] = None
    knowledge_base_id: Optional[str] = None


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class Ask:
    question: str


@dataclass(frozen=True)
class Listen:
    on: bool = True


@dataclass(frozen=True)
class Cut:
    pass


@dataclass(frozen=True)
class Ping:
    pass


@dataclass(frozen=True)
class Close:
    reason: str = field(default="done")
