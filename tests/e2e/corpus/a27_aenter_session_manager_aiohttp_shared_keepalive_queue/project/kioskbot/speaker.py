import asyncio
import logging

logger = logging.getLogger(__name__)


class Speaker:
    """Speaks queued lines one after the other so utterances never overlap."""

    def __init__(self, api, session_id):
        self.api = api
        self.session_id = session_id
        self.queue = asyncio.Queue()
        self._worker = None
        self.spoken = 0

    def start(self):
        self._worker = asyncio.create_task(self._run(), name="kiosk-speaker")

    async def _run(self):
        while True:
            text, task_type = await self.queue.get()
            try:
                result = await self.api.task(self.session_id, text, task_type=task_type)
                self.spoken += 1
                logger.debug("task %s done", result.get("task_id"))
            except Exception:
                logger.exception("could not speak %r", text)
            finally:
                self.queue.task_done()

    async def close(self):
        if self._worker:
            self._worker.cancel()
            try:
                await self._worker
            except asyncio.CancelledError:
                pass
