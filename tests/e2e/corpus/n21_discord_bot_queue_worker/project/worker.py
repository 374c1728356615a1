"""Background worker: speaks queued lines so bot commands return at once."""

import asyncio
import queue
import threading

from heygen import HeyGenError, StreamingClient
from registry import REGISTRY

JOBS: "queue.Queue[tuple[int, str] | None]" = queue.Queue()


class SpeechWorker(threading.Thread):
    def __init__(self, client: StreamingClient):
        super().__init__(daemon=True)
        self.client = client
        self.errors = []

    def run(self):
        while True:
            job = JOBS.get()
            try:
                if job is None:
                    return
                guild_id, text = job
                room = REGISTRY.get(guild_id)
                if room is None:
                    continue
                try:
                    asyncio.run(self.client.speak(room.session_id, text))
                    room.utterances += 1
                except HeyGenError as exc:
                    self.errors.append(str(exc))
            finally:
                JOBS.task_done()
