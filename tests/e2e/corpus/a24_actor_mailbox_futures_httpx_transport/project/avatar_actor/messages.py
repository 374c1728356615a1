"""Messages the avatar actor understands. Each carries the future its answer goes to."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Message:
    reply: asyncio.Future[Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.reply = asyncio.get_running_loop().create_future()


@dataclass
class Connect(Message):
    avatar_id: str
    quality: str = "medium"


@dataclass
class Speak(Message):
    text: str


@dataclass
class Interrupt(Message):
    pass


@dataclass
class Heartbeat(Message):
    pass


@dataclass
class Disconnect(Message):
    pass
