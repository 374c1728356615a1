"""Async client for the HeyGen Interactive Avatar (streaming) API."""
import logging
import os
from urllib.parse import urljoin

import aiohttp

log = logging.getLogger("heygen")

BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1/")
PATHS = {
    "new": "streaming.new",
    "start": "streaming.start",
    "task": "streaming.task",
    "keep_alive": "streaming.keep_alive",
    "stop": "streaming.stop",
}


class HeyGenAPI:
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HEYGEN_API_KEY"]
        self._session = None

    async def __aenter__(self):
        self._session = aiohttp.ClientSession(headers={"X-Api-Key": self.api_key})
        return self

    async def __aexit__(self, *exc):
        await self._session.close()
        self._session = None

    async def new_session(self, avatar_id, quality="medium"):
        payload = {"quality": quality, "avatar_id": avatar_id, "version": "v2", "video_encoding": "H264"}
        async with self._session.post(urljoin(BASE_URL, PATHS["new"]), json=payload) as resp:
            resp.raise_for_status()
            return (await resp.json())["data"]

    async def start_session(self, session_id):
        async with self._session.post(urljoin(BASE_URL, PATHS["start"]), json={"session_id": session_id}) as resp:
            resp.raise_for_status()

    async def send_text(self, session_id, text):
        payload = {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"}
        async with self._session.post(urljoin(BASE_URL, PATHS["task"]), json=payload) as resp:
            resp.raise_for_status()
            return (await resp.json())["data"]

    async def keep_alive(self, session_id):
        async with self._session.post(urljoin(BASE_URL, PATHS["keep_alive"]), json={"session_id": session_id}) as resp:
            return resp.ok

    async def stop_session(self, session_id):
        async with self._session.post(urljoin(BASE_URL, PATHS["stop"]), json={"session_id": session_id}) as resp:
            log.info("stop -> %s", resp.status)
