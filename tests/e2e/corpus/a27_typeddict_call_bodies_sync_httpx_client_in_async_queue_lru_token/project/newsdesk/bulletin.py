import asyncio
import logging
import os

from . import heygen

log = logging.getLogger(__name__)


class Bulletin:
    def __init__(self):
        self.queue: asyncio.Queue = asyncio.Queue()
        self.session = None
        self.read_count = 0

    async def go_live(self) -> dict:
        self.session = heygen.open_session(os.getenv("ANCHOR_AVATAR", "Anna_public_3_20240108"))
        return {"url": self.session["url"], "access_token": self.session["access_token"]}

    async def _produce(self, source: str, headlines: list[str]) -> None:
        for line in headlines:
            await self.queue.put((source, line))
        await self.queue.put(None)

    async def _anchor(self, producers: int) -> None:
        finished = 0
        while finished < producers:
            item = await self.queue.get()
            if item is None:
                finished += 1
                continue
            source, line = item
            log.info("[%s] %s", source, line)
            heygen.read(self.session["session_id"], line)
            self.read_count += 1
        heygen.close(self.session["session_id"])

    async def run(self, wire: list[str], desk: list[str]) -> None:
        # producers fill the queue before the anchor starts: the running order is wire, then desk
        await self._produce("wire", wire)
        await self._produce("desk", desk)
        await self._anchor(producers=2)
