import asyncio
import logging
import os

import httpx

log = logging.getLogger(__name__)


class AvatarWorker:
    """Owns one HeyGen streaming session; talk to it through `commands`."""

    def __init__(self, avatar_id=None, knowledge_base_id=None):
        self.avatar_id = avatar_id or os.environ["WORKER_AVATAR"]
        self.knowledge_base_id = knowledge_base_id or os.environ.get("WORKER_KB")
        loop = asyncio.get_running_loop()
        self.ready: asyncio.Future = loop.create_future()
        self.commands: asyncio.Queue = asyncio.Queue()
        self.done = 0

    async def run(self):
        async with httpx.AsyncClient(
            base_url="https://api.heygen.com/v1/", headers={"X-API-KEY": os.environ["HEYGEN_API_KEY"]}, timeout=20
        ) as http:
            try:
                r = await http.post(
                    "streaming.new",
                    json={"avatar_id": self.avatar_id, "knowledge_base_id": self.knowledge_base_id, "version": "v2"},
                )
                r.raise_for_status()
                data = r.json()["data"]
                (await http.post("streaming.start", json={"session_id": data["session_id"]})).raise_for_status()
            except Exception as exc:
                self.ready.set_exception(exc)
                return
            self.ready.set_result(data)
            await self._serve(http, data["session_id"])

    async def _serve(self, http, sid):
        while True:
            command, arg = await self.commands.get()
            try:
                if command == "stop":
                    await http.post("streaming.stop", json={"session_id": sid})
                    return
                if command in ("say", "ask"):
                    kind = "repeat" if command == "say" else "chat"
                    await http.post("streaming.task", json={"session_id": sid, "text": arg, "task_type": kind})
                elif command == "hush":
                    await http.post("streaming.interrupt", json={"session_id": sid})
                elif command == "ping":
                    await http.post("streaming.keep_alive", json={"session_id": sid})
                else:
                    log.warning("unknown command %s", command)
                self.done += 1
            finally:
                self.commands.task_done()
