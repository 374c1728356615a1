import asyncio
import logging
import os
import re

import requests

log = logging.getLogger(__name__)

BASE = "https://api.heygen.com/v1"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class SpeakingAvatar:
    """Speaks an LLM's streamed answer sentence by sentence through a HeyGen avatar."""

    def __init__(self):
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"], "accept": "application/json"})
        self.session_id = None
        self.queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=16)
        self._worker: asyncio.Task | None = None

    # blocking HeyGen calls (run in the default executor) -----------------------------
    def _open(self):
        resp = self.http.post(
            f"{BASE}/streaming.new",
            json={"avatar_id": os.getenv("SHOP_AVATAR_ID", "Anna_public_3_20240108"), "version": "v2"},
        )
        resp.raise_for_status()
        info = resp.json()["data"]
        self.http.post(f"{BASE}/streaming.start", json={"session_id": info["session_id"]}).raise_for_status()
        return info

    def _speak(self, sentence):
        resp = self.http.post(
            f"{BASE}/streaming.task",
            json={"session_id": self.session_id, "text": sentence, "task_type": "repeat", "task_mode": "sync"},
        )
        resp.raise_for_status()
        return resp.json()["data"]["task_id"]

    def _interrupt(self):
        self.http.post(f"{BASE}/streaming.interrupt", json={"session_id": self.session_id})

    def _close(self):
        self.http.post(f"{BASE}/streaming.stop", json={"session_id": self.session_id})

    # asyncio side ---------------------------------------------------------------------
    async def start(self):
        loop = asyncio.get_running_loop()
        info = await loop.run_in_executor(None, self._open)
        self.session_id = info["session_id"]
        self._worker = asyncio.create_task(self._consume())
        return info["url"], info["access_token"]

    async def _consume(self):
        loop = asyncio.get_running_loop()
        while (sentence := await self.queue.get()) is not None:
            try:
                task_id = await loop.run_in_executor(None, self._speak, sentence)
                log.info("spoke %r as %s", sentence, task_id)
            finally:
                self.queue.task_done()
        self.queue.task_done()

    async def say_stream(self, chunks):
        """Split streamed deltas into sentences and queue each one as soon as it is complete."""
        buffer = ""
        async for chunk in chunks:
            delta = chunk.choices[0].delta.content
            if delta is None:
                break
            buffer += delta
            *done, buffer = SENTENCE_END.split(buffer)
            for sentence in done:
                await self.queue.put(sentence)
        if buffer.strip():
            await self.queue.put(buffer.strip())
        await self.queue.join()

    async def barge_in(self):
        while not self.queue.empty():
            self.queue.get_nowait()
            self.queue.task_done()
        await asyncio.get_running_loop().run_in_executor(None, self._interrupt)

    async def close(self):
        await self.queue.put(None)
        if self._worker:
            await self._worker
        await asyncio.get_running_loop().run_in_executor(None, self._close)
