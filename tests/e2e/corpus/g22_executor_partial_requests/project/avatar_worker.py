"""Async worker that drives a HeyGen streaming avatar without blocking its event loop.

requests is blocking, so every call goes through the default thread pool.
"""
import asyncio
import functools
import logging
import os

import requests

log = logging.getLogger("avatar_worker")

HEYGEN_URL = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


class AvatarWorker:
    def __init__(self, avatar_id, quality="low"):
        self.avatar_id = avatar_id
        self.quality = quality
        self.session_id = None

    async def _call(self, path, payload):
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(
            None,
            functools.partial(requests.post, f"{HEYGEN_URL}/{path}", headers=HEADERS, json=payload, timeout=20),
        )
        resp.raise_for_status()
        return resp.json()

    async def start(self):
        loop = asyncio.get_running_loop()
        resp = await loop.run_in_executor(
            None,
            functools.partial(
                requests.post,
                f"{HEYGEN_URL}/streaming.new",
                headers=HEADERS,
                json={"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"},
                timeout=20,
            ),
        )
        if not resp.ok:
            raise RuntimeError(f"streaming.new failed: {resp.status_code} {resp.text}")
        info = resp.json()["data"]
        self.session_id = info["session_id"]
        started = await loop.run_in_executor(
            None,
            functools.partial(
                requests.post,
                f"{HEYGEN_URL}/streaming.start",
                headers=HEADERS,
                json={"session_id": self.session_id},
                timeout=20,
            ),
        )
        if started.status_code != 200:
            raise RuntimeError(f"streaming.start failed: {started.text}")
        log.info("session %s started", self.session_id)
        return {"url": info["url"], "token": info["access_token"]}

    async def say(self, text):
        await self._call("streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})

    async def stop(self):
        await self._call("streaming.stop", {"session_id": self.session_id})
        self.session_id = None
