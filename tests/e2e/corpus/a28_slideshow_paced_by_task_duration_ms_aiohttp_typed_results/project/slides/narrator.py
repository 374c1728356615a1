import asyncio
import logging
import os

import aiohttp

log = logging.getLogger(__name__)
BASE = "https://api.heygen.com"


class Endpoints:
    NEW = f"{BASE}/v1/streaming.new"
    START = f"{BASE}/v1/streaming.start"
    TASK = f"{BASE}/v1/streaming.task"
    STOP = f"{BASE}/v1/streaming.stop"


class Narrator:
    def __init__(self, avatar_id=None, speed=1.0):
        self.avatar_id = avatar_id or os.environ["SLIDES_AVATAR"]
        self.speed = speed
        self.http = None
        self.session_id = None

    async def __aenter__(self):
        self.http = aiohttp.ClientSession(headers={"x-api-key": os.environ["HEYGEN_API_KEY"]})
        async with self.http.post(Endpoints.NEW, json={"avatar_id": self.avatar_id, "version": "v2"}) as r:
            info = (await r.json()).get("data", {})
        self.session_id = info.get("session_id")
        async with self.http.post(Endpoints.START, json={"session_id": self.session_id}) as r:
            r.raise_for_status()
        self.viewer = (info.get("url"), info.get("access_token"))
        return self

    async def __aexit__(self, *exc):
        async with self.http.post(Endpoints.STOP, json={"session_id": self.session_id}) as r:
            r.raise_for_status()
        await self.http.close()

    async def narrate(self, text):
        async with self.http.post(
            Endpoints.TASK, json={"session_id": self.session_id, "text": text, "task_type": "repeat"}
        ) as r:
            result = (await r.json())["data"]
        log.info("task %s takes %.0f ms", result["task_id"], result["duration_ms"])
        # hold the slide until the avatar is done talking
        await asyncio.sleep(result["duration_ms"] / 1000 / self.speed)
        return result["duration_ms"]
