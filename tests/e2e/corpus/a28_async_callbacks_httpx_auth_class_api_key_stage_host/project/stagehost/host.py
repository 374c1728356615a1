import asyncio
import contextlib
import logging
import os

from .client import make_client

log = logging.getLogger(__name__)


class StageHost:
    def __init__(self, on_ready, on_line_spoken=None, avatar_id=None):
        self._on_ready = on_ready
        self._on_line_spoken = on_line_spoken
        self.avatar_id = avatar_id or os.environ["STAGE_AVATAR"]
        self.http = make_client()
        self.session_id = None
        self.cues: asyncio.Queue[str] = asyncio.Queue()
        self._worker = None

    async def go_live(self):
        resp = await self.http.post(
            "/v1/streaming.new", json={"avatar_id": self.avatar_id, "quality": "high", "version": "v2"}
        )
        resp.raise_for_status()
        session = resp.json()["data"]
        self.session_id = session["session_id"]
        resp = await self.http.post("/v1/streaming.start", json={"session_id": self.session_id})
        resp.raise_for_status()
        await self._on_ready(session)
        self._worker = asyncio.create_task(self._speak_cues())

    async def _speak_cues(self):
        while True:
            line = await self.cues.get()
            try:
                resp = await self.http.post(
                    "/v1/streaming.task",
                    json={"session_id": self.session_id, "text": line, "task_type": "repeat"},
                )
                resp.raise_for_status()
                if self._on_line_spoken is not None:
                    await self._on_line_spoken(line)
            except Exception:
                log.exception("cue failed: %s", line)
            finally:
                self.cues.task_done()

    def cue(self, line):
        self.cues.put_nowait(line)

    async def aclose(self):
        await self.cues.join()
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
        if self.session_id:
            await self.http.post("/v1/streaming.stop", json={"session_id": self.session_id})
        await self.http.aclose()
