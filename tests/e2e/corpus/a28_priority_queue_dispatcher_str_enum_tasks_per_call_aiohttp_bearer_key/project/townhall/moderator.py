import asyncio
import itertools
import logging
import os
from dataclasses import dataclass, field
from enum import Enum

from . import heygen_api

log = logging.getLogger(__name__)


class Kind(str, Enum):
    REPEAT = "repeat"
    CHAT = "chat"
    INTERRUPT = "interrupt"
    SHUTDOWN = "shutdown"


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    kind: Kind = field(compare=False)
    text: str = field(default="", compare=False)


class Moderator:
    def __init__(self, avatar_id=None, knowledge_base_id=None):
        self.avatar_id = avatar_id or os.environ["TOWNHALL_AVATAR"]
        self.knowledge_base_id = knowledge_base_id or os.environ["TOWNHALL_KB"]
        self.jobs: asyncio.PriorityQueue[Job] = asyncio.PriorityQueue()
        self._seq = itertools.count()
        self.session = {}
        self.history = []
        self._dispatcher = None

    async def open(self):
        self.session = await heygen_api.new_session(self.avatar_id, self.knowledge_base_id)
        await heygen_api.start_session(self.session["session_id"])
        self._dispatcher = asyncio.create_task(self._dispatch())
        return {"server_url": self.session.get("url"), "token": self.session.get("access_token")}

    def _put(self, priority, kind, text=""):
        self.jobs.put_nowait(Job(priority, next(self._seq), kind, text))

    def announce(self, text):
        self._put(5, Kind.REPEAT, text)

    def answer(self, question):
        self._put(5, Kind.CHAT, question)

    def cut(self):
        self._put(0, Kind.INTERRUPT)

    async def _dispatch(self):
        sid = self.session["session_id"]
        while True:
            job = await self.jobs.get()
            try:
                if job.kind is Kind.SHUTDOWN:
                    return
                if job.kind is Kind.INTERRUPT:
                    await heygen_api.interrupt(sid)
                else:
                    task_id = await heygen_api.send_task(sid, job.text, job.kind.value)
                    self.history.append((job.kind.value, task_id))
            except heygen_api.HeyGenError:
                log.exception("job %s failed", job)
            finally:
                self.jobs.task_done()

    async def idle(self):
        await self.jobs.join()

    async def close(self):
        self._put(99, Kind.SHUTDOWN)
        await self._dispatcher
        await heygen_api.stop_session(self.session["session_id"])
