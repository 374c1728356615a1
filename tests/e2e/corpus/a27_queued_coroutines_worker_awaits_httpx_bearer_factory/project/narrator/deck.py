import asyncio
import logging
import os

import httpx

log = logging.getLogger(__name__)

HEYGEN_API = "https://api.heygen.com/v1"


class Narrator:
    def __init__(self, http: httpx.AsyncClient, session: dict):
        self.http = http
        self.session = session
        self.jobs: asyncio.Queue = asyncio.Queue()
        self.task_ids: list[str] = []
        self._worker = asyncio.create_task(self._work())

    @classmethod
    async def create(cls, avatar_id: str | None = None) -> "Narrator":
        async with httpx.AsyncClient(base_url=HEYGEN_API) as boot:
            r = await boot.post("/streaming.create_token", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
            r.raise_for_status()
            token = r.json()["data"]["token"]
        http = httpx.AsyncClient(base_url=HEYGEN_API, headers={"Authorization": f"Bearer {token}"}, timeout=20)
        r = await http.post(
            "/streaming.new",
            json={"avatar_id": avatar_id or os.getenv("DECK_AVATAR", "Anna_public_3_20240108"), "version": "v2"},
        )
        r.raise_for_status()
        session = r.json()["data"]
        r = await http.post("/streaming.start", json={"session_id": session["session_id"]})
        r.raise_for_status()
        return cls(http, session)

    def viewer(self):
        return self.session["url"], self.session["access_token"]

    async def _work(self):
        while True:
            job = await self.jobs.get()
            try:
                resp = await job
                resp.raise_for_status()
                task_id = resp.json()["data"].get("task_id")
                if task_id:
                    self.task_ids.append(task_id)
                log.info("job done: %s", task_id)
            except Exception:
                log.exception("job failed")
            finally:
                self.jobs.task_done()

    async def narrate(self, lines):
        for line in lines:
            await self.jobs.put(
                self.http.post(
                    "/streaming.task",
                    json={"session_id": self.session["session_id"], "text": line, "task_type": "repeat"},
                )
            )
        await self.jobs.join()

    def cut_in(self):
        self.jobs.put_nowait(self.http.post("/streaming.interrupt", json={"session_id": self.session["session_id"]}))

    async def close(self):
        await self.jobs.join()
        self._worker.cancel()
        try:
            await self._worker
        except asyncio.CancelledError:
            pass
        r = await self.http.post("/streaming.stop", json={"session_id": self.session["session_id"]})
        r.raise_for_status()
        await self.http.aclose()
        return self.task_ids
