"""Live-caption narrator: lines arrive on a queue, one worker speaks them, a pinger keeps the
session from idling out while the queue is quiet."""
import asyncio
import contextlib
import logging
import os

import httpx

log = logging.getLogger("narrator")

HEYGEN = "https://api.heygen.com/v1/streaming"
KEEPALIVE_EVERY = float(os.getenv("KEEPALIVE_EVERY", "0.2"))
STOP = object()


class Narrator:
    def __init__(self, avatar_id: str):
        self.avatar_id = avatar_id
        self.http = httpx.AsyncClient(headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=20)
        self.queue: asyncio.Queue = asyncio.Queue()
        self.session_id = None
        self.spoken = 0
        self._idle = asyncio.Event()

    async def _api(self, action: str, **payload) -> dict:
        r = await self.http.post(f"{HEYGEN}.{action}", json=payload)
        r.raise_for_status()
        return r.json()["data"] or {}

    async def open(self) -> dict:
        info = await self._api("new", avatar_id=self.avatar_id, quality="medium", version="v2")
        self.session_id = info["session_id"]
        await self._api("start", session_id=self.session_id)
        return {"server": info["url"], "token": info["access_token"]}

    async def speaker(self):
        while True:
            line = await self.queue.get()
            try:
                if line is STOP:
                    return
                self._idle.clear()
                await self._api("task", session_id=self.session_id, text=line, task_type="repeat")
                self.spoken += 1
            finally:
                self.queue.task_done()
                if self.queue.empty():
                    self._idle.set()

    async def pinger(self):
        # only ping after the queue has drained; each ping waits for the next quiet spell
        while True:
            await self._idle.wait()
            await self._api("keep_alive", session_id=self.session_id)
            self._idle.clear()
            await asyncio.sleep(KEEPALIVE_EVERY)

    async def close(self):
        await self._api("stop", session_id=self.session_id)
        await self.http.aclose()


async def narrate(avatar_id, batches, show):
    """Speak ``batches`` (lists of lines); between batches the pinger keeps the session alive."""
    narrator = Narrator(avatar_id)
    show(await narrator.open())
    speaker = asyncio.create_task(narrator.speaker())
    pinger = asyncio.create_task(narrator.pinger())
    try:
        for batch in batches:
            for line in batch:
                narrator.queue.put_nowait(line)
            await narrator.queue.join()
            # wait for the pinger to take its turn before the next batch arrives
            while narrator._idle.is_set():
                await asyncio.sleep(0.01)
        narrator.queue.put_nowait(STOP)
        await speaker
    finally:
        pinger.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pinger
        await narrator.close()
    return narrator.spoken
