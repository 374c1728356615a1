import asyncio
import logging
import time

from .config import Settings
from .heygen_client import HeyGenAPIError, HeyGenStreamingClient

log = logging.getLogger("support_agent")

GREETING = "Hi! I'm the Acme support assistant. How can I help you today?"
GOODBYE = "Thanks for reaching out. Have a great day!"


class SupportAgent:
    """One avatar session per support conversation."""

    def __init__(self, settings: Settings = None):
        self.settings = (settings or Settings()).validate()
        self.client = HeyGenStreamingClient(
            self.settings.api_key, self.settings.base_url, max_retries=self.settings.max_retries
        )
        self.session = None  # raw response of streaming.new
        self.transcript = []
        self._heartbeat_task = None
        self._started_at = None

    @property
    def session_id(self):
        return self.session["data"]["session_id"] if self.session else None

    def room(self):
        """What the frontend needs to connect to the LiveKit room."""
        if not self.session:
            raise RuntimeError("agent not started")
        return {"server_url": self.session["data"]["url"], "token": self.session["data"]["access_token"]}

    async def start(self):
        s = self.settings
        self.session = await self.client.new_session(
            s.avatar_id, quality=s.quality, language=s.language, knowledge_base_id=s.knowledge_base_id
        )
        await self.client.start_session(self.session_id)
        self._started_at = time.monotonic()
        self._heartbeat_task = asyncio.create_task(self._heartbeat())
        log.info("session %s started", self.session_id)
        return self.room()

    async def _heartbeat(self):
        while True:
            await asyncio.sleep(self.settings.heartbeat_seconds)
            try:
                await self.client.keep_alive(self.session_id)
            except HeyGenAPIError as e:
                log.error("keep alive failed: %s", e)

    async def greet(self):
        await self.client.send_task(self.session_id, GREETING)
        self.transcript.append(("agent", GREETING))

    async def handle_user_turn(self, text, barge_in=False):
        self.transcript.append(("user", text))
        if barge_in:
            await self.client.interrupt(self.session_id)
        if self.settings.use_own_llm:
            # our own model answers, the avatar just reads it out
            answer = f"You said: {text}"
            res = await self.client.send_task(self.session_id, answer, task_type="repeat")
        else:
            # let HeyGen's knowledge base answer
            res = await self.client.send_task(self.session_id, text, task_type="chat")
        task_id = res["data"].get("task_id")
        self.transcript.append(("agent", task_id))
        return task_id

    async def ping(self):
        await self.client.keep_alive(self.session_id)

    async def stop(self):
        if self._heartbeat_task:
            self._heartbeat_task.cancel()
        try:
            if self.session:
                await self.client.send_task(self.session_id, GOODBYE)
                await self.client.stop_session(self.session_id)
        finally:
            self.session = None
            await self.client.close()
