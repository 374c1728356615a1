from dataclasses import dataclass
from typing import Protocol


@dataclass
class AvatarSession:
    session_id: str
    stream_url: str
    stream_token: str


class AvatarProvider(Protocol):
    async def create_session(self) -> AvatarSession: ...

    async def speak(self, session_id: str, text: str) -> None: ...

    async def interrupt(self, session_id: str) -> None: ...

    async def close(self, session_id: str) -> None: ...
