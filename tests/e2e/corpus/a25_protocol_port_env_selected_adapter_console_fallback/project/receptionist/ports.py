from __future__ import annotations

from typing import NamedTuple, Protocol


class RoomGrant(NamedTuple):
    url: str
    token: str


class AvatarPort(Protocol):
    async def open(self) -> RoomGrant: ...
    async def say(self, text: str) -> None: ...
    async def interrupt(self) -> None: ...
    async def close(self) -> None: ...
