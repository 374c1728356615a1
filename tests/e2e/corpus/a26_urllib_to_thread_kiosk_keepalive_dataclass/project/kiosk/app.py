import asyncio
import contextlib
import logging
from dataclasses import dataclass

from . import api
from .config import AVATAR, KEEPALIVE_EVERY, KNOWLEDGE_BASE

logger = logging.getLogger("kiosk")


@dataclass
class StreamInfo:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_api(cls, data: dict) -> "StreamInfo":
        return cls(session_id=data["session_id"], url=data["url"], access_token=data["access_token"])


class Kiosk:
    def __init__(self, avatar: str = AVATAR) -> None:
        self.avatar = avatar
        self.info: StreamInfo | None = None
        self._pinger: asyncio.Task | None = None

    async def wake(self) -> StreamInfo:
        data = await asyncio.to_thread(api.new_session, self.avatar, KNOWLEDGE_BASE)
        self.info = StreamInfo.from_api(data)
        await asyncio.to_thread(api.start_session, self.info.session_id)
        self._pinger = asyncio.create_task(self._keepalive_loop())
        logger.info("kiosk awake: %s", self.info.session_id)
        return self.info

    async def _keepalive_loop(self) -> None:
        while True:
            await asyncio.sleep(KEEPALIVE_EVERY)
            await self.touch()

    async def touch(self) -> None:
        """Visitor in front of the screen: keep the avatar from timing out."""
        if self.info:
            await asyncio.to_thread(api.keep_alive, self.info.session_id)

    async def announce(self, text: str) -> None:
        await asyncio.to_thread(api.send_task, self.info.session_id, text, "repeat")

    async def ask(self, question: str) -> None:
        await asyncio.to_thread(api.send_task, self.info.session_id, question)

    async def sleep(self) -> None:
        if self._pinger:
            self._pinger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pinger
        if self.info:
            await asyncio.to_thread(api.stop_session, self.info.session_id)
            self.info = None
