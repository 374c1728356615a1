import asyncio
import contextlib
import logging

from .client import StreamingClient

log = logging.getLogger(__name__)


class Presenter:
    """Reads slide notes aloud, one after the other, while keeping the session warm."""

    def __init__(self, client: StreamingClient):
        self.client = client
        self.session = None
        self.notes: asyncio.Queue = asyncio.Queue()
        self.spoken: list[str] = []
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task] = []

    async def start(self):
        await self.client.open()
        self.session = await self.client.create_session()
        await self.client.start_session(self.session["session_id"])
        self._tasks = [
            asyncio.create_task(self._reader(), name="presenter-reader"),
            asyncio.create_task(self._heartbeat(), name="presenter-heartbeat"),
        ]
        return self.session["url"], self.session["access_token"]

    async def _reader(self):
        while True:
            note = await self.notes.get()
            try:
                task_id = await self.client.speak(self.session["session_id"], note)
                self.spoken.append(task_id)
            except Exception:
                log.exception("note %r was not spoken", note)
            finally:
                self.notes.task_done()

    async def _heartbeat(self):
        while not self._stopping.is_set():
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=self.client.settings.keepalive_seconds)
            except asyncio.TimeoutError:
                await self.ping()

    async def ping(self):
        await self.client.keep_alive(self.session["session_id"])

    async def present(self, *notes):
        for note in notes:
            self.notes.put_nowait(note)
        await self.notes.join()

    async def close(self):
        self._stopping.set()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self.session is not None:
            await self.client.stop_session(self.session["session_id"])
            self.session = None
        await self.client.close()
