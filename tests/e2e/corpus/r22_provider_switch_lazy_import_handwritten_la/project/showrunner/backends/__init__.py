"""Backend selection.

We kept HeyGen while LiveAvatar was in beta; AVATAR_BACKEND picks one at startup. The imports
are lazy so a HeyGen-only deployment does not need the livekit wheel.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Room:
    session_id: str
    url: str
    token: str


class AvatarBackend(Protocol):
    async def open(self) -> Room: ...

    async def say(self, text: str) -> None: ...

    async def interrupt(self) -> None: ...

    async def ping(self) -> None: ...

    async def close(self) -> None: ...


def make_backend(name: str | None = None) -> AvatarBackend:
    name = (name or os.getenv("AVATAR_BACKEND") or "heygen").strip().lower()
    if name == "liveavatar":
        from .liveavatar import LiveAvatarBackend

        return LiveAvatarBackend.from_env()
    if name == "heygen":
        from .heygen import HeyGenBackend

        return HeyGenBackend.from_env()
    raise ValueError(f"AVATAR_BACKEND must be 'heygen' or 'liveavatar', not {name!r}")
