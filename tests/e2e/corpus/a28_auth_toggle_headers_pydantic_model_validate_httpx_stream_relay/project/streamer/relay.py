import asyncio
import contextlib
import os
import re

from .avatar_api import AvatarAPI

_SENTENCE = re.compile(r"(.+?[.!?])(\s+|$)", re.S)


async def sentences(deltas):
    """Cut an async stream of LLM deltas into sentences."""
    buffer = ""
    async for delta in deltas:
        buffer += delta
        while True:
            match = _SENTENCE.match(buffer)
            if not match or not match.group(2) and not buffer.endswith((".", "!", "?")):
                break
            yield match.group(1).strip()
            buffer = buffer[match.end():]
    if buffer.strip():
        yield buffer.strip()


class OverlayRelay:
    def __init__(self, api=None, ping_every=120.0):
        self.api = api or AvatarAPI()
        self.ping_every = ping_every
        self.session = None
        self._done = asyncio.Event()
        self._pinger = None

    async def start(self):
        self.session = await self.api.create(os.environ["OVERLAY_AVATAR"])
        self._pinger = asyncio.create_task(self._ping_loop())
        return self.session

    async def _ping_loop(self):
        while not self._done.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._done.wait(), self.ping_every)
                return
            await self.api.keep_alive(self.session.session_id)

    async def relay(self, deltas):
        count = 0
        async for sentence in sentences(deltas):
            await self.api.repeat(self.session.session_id, sentence)
            count += 1
        return count

    async def finish(self):
        self._done.set()
        if self._pinger:
            self._pinger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pinger
        await self.api.stop(self.session.session_id)
        await self.api.aclose()
