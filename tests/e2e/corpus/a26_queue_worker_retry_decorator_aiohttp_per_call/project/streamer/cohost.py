import asyncio
import logging
import os

from .heygen_api import heygen_call

log = logging.getLogger(__name__)


class CoHost:
    def __init__(self, on_room):
        self.on_room = on_room
        self.queue: asyncio.Queue = asyncio.Queue()
        self.session_id = None
        self.worker = None

    async def start(self):
        data = await heygen_call(
            "/v1/streaming.new",
            {
                "avatar_id": os.getenv("COHOST_AVATAR", "Anna_public_3_20240108"),
                "version": "v2",
                "knowledge_base_id": os.getenv("COHOST_CONTEXT"),
                "activity_idle_timeout": 300,
            },
        )
        self.session_id = data["session_id"]
        await heygen_call("/v1/streaming.start", {"session_id": self.session_id})
        self.on_room(data["url"], data["access_token"])
        self.worker = asyncio.create_task(self._work())

    async def _work(self):
        while True:
            cmd = await self.queue.get()
            try:
                op = cmd["op"]
                if op == "say":
                    await heygen_call(
                        "/v1/streaming.task",
                        {"session_id": self.session_id, "text": cmd["text"], "task_type": cmd.get("kind", "repeat")},
                    )
                elif op == "interrupt":
                    await heygen_call("/v1/streaming.interrupt", {"session_id": self.session_id})
                elif op == "ping":
                    await heygen_call("/v1/streaming.keep_alive", {"session_id": self.session_id})
                elif op == "stop":
                    await heygen_call("/v1/streaming.stop", {"session_id": self.session_id})
                    self.session_id = None
                    return
                else:
                    log.warning("unknown op %r", op)
            finally:
                self.queue.task_done()

    def say(self, text, kind="repeat"):
        self.queue.put_nowait({"op": "say", "text": text, "kind": kind})

    def interrupt(self):
        self.queue.put_nowait({"op": "interrupt"})

    def ping(self):
        self.queue.put_nowait({"op": "ping"})

    async def shutdown(self):
        self.queue.put_nowait({"op": "stop"})
        await self.queue.join()
        await self.worker
