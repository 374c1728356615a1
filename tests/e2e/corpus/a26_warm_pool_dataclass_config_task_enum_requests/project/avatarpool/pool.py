from __future__ import annotations

import asyncio
import logging
import os
from collections import deque

from .client import StreamingClient, TaskType

log = logging.getLogger(__name__)


class WarmPool:
    def __init__(self, size: int = 2, client: StreamingClient | None = None) -> None:
        self.size = size
        self.client = client or StreamingClient()
        self.idle: deque[dict] = deque()
        self.leased: dict[str, dict] = {}

    def fill(self) -> None:
        while len(self.idle) < self.size:
            self.idle.append(self.client.create(os.environ["POOL_AVATAR"], os.getenv("POOL_KB")))

    def lease(self, customer: str) -> dict:
        session = self.idle.popleft()
        self.leased[customer] = session
        return {"server": session["url"], "token": session["access_token"], "id": session["session_id"]}

    def say(self, customer: str, text: str, *, answer: bool = False) -> None:
        sid = self.leased[customer]["session_id"]
        self.client.task(sid, text, TaskType.CHAT if answer else TaskType.REPEAT)

    def busy(self) -> int:
        return len(self.client.active())

    def drain(self) -> int:
        closed = 0
        for session in [*self.leased.values(), *self.idle]:
            try:
                self.client.stop(session["session_id"])
                closed += 1
            except Exception:  # noqa: BLE001 - best effort on shutdown
                log.exception("could not stop %s", session["session_id"])
        self.leased.clear()
        self.idle.clear()
        return closed


async def on_shutdown(pool: WarmPool) -> int:
    return await asyncio.to_thread(pool.drain)
