from __future__ import annotations

import asyncio
import logging

import httpx

from .settings import GuideSettings

log = logging.getLogger(__name__)


class GuideAvatar:
    def __init__(self, settings: GuideSettings) -> None:
        self.settings = settings
        self.timeout = settings.timeout
        self.http = httpx.AsyncClient(
            base_url=settings.base_url, headers={"Authorization": f"Bearer {settings.api_key}"}
        )
        self._gate = asyncio.Semaphore(settings.max_parallel)
        self.session_id: str | None = None

    async def start(self) -> dict[str, str]:
        async with self._gate:
            resp = await asyncio.wait_for(
                self.http.post("/v1/streaming.new", json={"avatar_id": self.settings.avatar_id, "version": "v2"}),
                timeout=self.timeout,
            )
            resp.raise_for_status()
            data = resp.json()["data"]
            self.session_id = data["session_id"]
            started = await asyncio.wait_for(
                self.http.post("/v1/streaming.start", json={"session_id": self.session_id}), timeout=self.timeout
            )
            started.raise_for_status()
        return {"server": data["url"], "token": data["access_token"]}

    async def say(self, text: str) -> str:
        async with self._gate:
            resp = await asyncio.wait_for(
                self.http.post(
                    "/v1/streaming.task", json={"session_id": self.session_id, "text": text, "task_type": "repeat"}
                ),
                timeout=self.timeout,
            )
            resp.raise_for_status()
        task_id = resp.json()["data"]["task_id"]
        log.info("task %s queued", task_id)
        return task_id

    async def stop(self) -> None:
        if self.session_id is None:
            return
        resp = await asyncio.shield(self.http.post("/v1/streaming.stop", json={"session_id": self.session_id}))
        resp.raise_for_status()
        self.session_id = None

    async def aclose(self) -> None:
        await self.http.aclose()
