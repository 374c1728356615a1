import asyncio
import contextlib
import logging
import os

from .heygen import HeyGenStreaming
from .speaker import Speaker

logger = logging.getLogger(__name__)

KEEPALIVE_EVERY = float(os.environ.get("KIOSK_KEEPALIVE_SECONDS", "90"))


class AvatarSession:
    """`async with AvatarSession() as guide:` -- a live guide for the length of a visit."""

    def __init__(self, avatar_id=None, knowledge_base_id=None, on_ready=None):
        self.avatar_id = avatar_id or os.environ.get("KIOSK_AVATAR", "Wayne_20240711")
        self.knowledge_base_id = knowledge_base_id or os.environ.get("KIOSK_KB")
        self.on_ready = on_ready
        self.api = HeyGenStreaming()
        self.session_id = None
        self.speaker = None
        self._pinger = None

    async def __aenter__(self):
        info = await self.api.new_session(self.avatar_id, knowledge_base_id=self.knowledge_base_id)
        self.session_id = info["session_id"]
        await self.api.start(self.session_id)
        logger.info("kiosk session %s live", self.session_id)
        if self.on_ready is not None:
            self.on_ready(info["url"], info["access_token"])
        self.speaker = Speaker(self.api, self.session_id)
        self.speaker.start()
        self._pinger = asyncio.create_task(self._keep_alive_loop())
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if self._pinger is not None:
            self._pinger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pinger
        if self.speaker is not None:
            await self.speaker.close()
        try:
            if self.session_id:
                await self.api.stop(self.session_id)
        finally:
            self.session_id = None
            await self.api.close()
        return False

    async def _keep_alive_loop(self):
        while True:
            await asyncio.sleep(KEEPALIVE_EVERY)
            try:
                await self.keep_alive()
            except Exception as exc:  # a missed ping is not fatal
                logger.warning("keep-alive failed: %s", exc)

    async def keep_alive(self):
        await self.api.keep_alive(self.session_id)

    async def interrupt(self):
        await self.api.interrupt(self.session_id)

    def say(self, text):
        self.speaker.queue.put_nowait((text, "repeat"))

    def ask(self, question):
        self.speaker.queue.put_nowait((question, "chat"))

    async def drain(self):
        await self.speaker.queue.join()
