import functools
import logging
import os

import anyio
import httpx

logger = logging.getLogger(__name__)


class StationAnnouncer:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.getenv("STATION_AVATAR", "Wayne_20240711")
        self.http = httpx.AsyncClient(
            base_url="https://api.heygen.com",
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=15,
        )
        self.session_id = None
        self.log = 0

    async def open(self):
        resp = await self.http.post("/v1/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2", "quality": "low"})
        resp.raise_for_status()
        data = resp.json()["data"]
        self.session_id = data["session_id"]
        resp = await self.http.post("/v1/streaming.start", json={"session_id": self.session_id})
        resp.raise_for_status()
        return data["url"], data["access_token"]

    async def _log(self, text):
        await anyio.sleep(0)
        logger.info("announced: %s", text)
        self.log += 1

    async def announce(self, text):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                functools.partial(
                    self.http.post,
                    "/v1/streaming.task",
                    json={"session_id": self.session_id, "text": text, "task_type": "repeat"},
                )
            )
            tg.start_soon(self._log, text)

    async def keep_alive(self):
        async with anyio.create_task_group() as tg:
            tg.start_soon(functools.partial(self.http.post, "/v1/streaming.keep_alive", json={"session_id": self.session_id}))

    async def close(self):
        resp = await self.http.post("/v1/streaming.stop", json={"session_id": self.session_id})
        resp.raise_for_status()
        await self.http.aclose()
