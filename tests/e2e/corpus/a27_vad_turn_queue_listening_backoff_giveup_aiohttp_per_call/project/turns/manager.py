import asyncio
import logging
import os

from .heygen import heygen

log = logging.getLogger(__name__)


class TurnManager:
    """Keeps the avatar's behaviour in step with who is talking."""

    def __init__(self):
        self.events: asyncio.Queue = asyncio.Queue()
        self.session_id = None
        self.listening = False

    async def open(self):
        data = await heygen(
            "streaming.new",
            avatar_id=os.getenv("AGENT_AVATAR", "Anna_public_3_20240108"),
            version="v2",
            disable_idle_timeout=False,
            activity_idle_timeout=180,
        )
        self.session_id = data.get("session_id")
        if not self.session_id:
            raise RuntimeError(f"no session in {data}")
        await heygen("streaming.start", session_id=self.session_id)
        return data.get("url"), data.get("access_token")

    async def _on_user_started(self):
        # barge-in: cut the avatar and show it listening
        await heygen("streaming.interrupt", session_id=self.session_id)
        if not self.listening:
            await heygen("streaming.start_listening", session_id=self.session_id)
            self.listening = True

    async def _on_user_stopped(self):
        if self.listening:
            await heygen("streaming.stop_listening", session_id=self.session_id)
            self.listening = False

    async def _on_reply(self, text):
        await heygen("streaming.task", session_id=self.session_id, text=text, task_type="repeat")

    async def run(self):
        while True:
            kind, value = await self.events.get()
            log.debug("event %s", kind)
            if kind == "user_started":
                await self._on_user_started()
            elif kind == "user_stopped":
                await self._on_user_stopped()
            elif kind == "agent_reply":
                await self._on_reply(value)
            elif kind == "hangup":
                await heygen("streaming.stop", session_id=self.session_id)
                return
