from __future__ import annotations

import abc
from dataclasses import dataclass


@dataclass
class AvatarSession:
    session_id: str
    room_url: str
    room_token: str


class ProviderError(RuntimeError):
    pass


class AvatarProvider(abc.ABC):
    """What the agent needs from a streaming-avatar vendor."""

    @abc.abstractmethod
    async def open_session(self) -> AvatarSession: ...

    @abc.abstractmethod
    async def speak(self, session_id: str, text: str, task_type: str = "repeat") -> str: ...

    @abc.abstractmethod
    async def interrupt(self, session_id: str) -> None: ...

    @abc.abstractmethod
    async def close_session(self, session_id: str) -> None: ...
