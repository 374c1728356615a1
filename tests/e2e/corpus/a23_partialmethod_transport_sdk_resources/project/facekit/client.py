from __future__ import annotations

from .resources import Sessions, Speech
from .transport import Transport


class FaceKit:
    def __init__(self, api_key: str | None = None, base_url: str | None = None) -> None:
        self.transport = Transport(api_key, base_url)
        self.sessions = Sessions(self.transport)
        self.speech = Speech(self.transport)

    async def aclose(self) -> None:
        await self.transport.close()
