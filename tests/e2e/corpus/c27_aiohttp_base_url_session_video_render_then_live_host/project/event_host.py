import asyncio
import os

import aiohttp


class EventHost:
    """Renders the recap clip and hosts the live part of the event."""

    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ["HOST_AVATAR"]
        self.http = None
        self.session_id = None

    async def __aenter__(self):
        self.http = aiohttp.ClientSession(
            base_url="https://api.heygen.com",
            headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
            timeout=aiohttp.ClientTimeout(total=30),
        )
        return self

    async def __aexit__(self, *exc):
        if self.session_id:
            await self.end()
        await self.http.close()

    async def render_recap(self, script):
        body = {
            "title": "Event recap",
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": "Daniel_public_20240108"},
                    "voice": {"type": "text", "input_text": script},
                }
            ],
        }
        async with self.http.post("/v2/video/generate", json=body) as r:
            r.raise_for_status()
            video_id = (await r.json())["data"]["video_id"]
        for _ in range(10):
            async with self.http.get("/v1/video_status.get", params={"video_id": video_id}) as r:
                status = (await r.json())["data"]
            if status["status"] == "completed":
                return status["video_url"]
            await asyncio.sleep(0.05)
        raise TimeoutError(video_id)

    async def go_live(self):
        async with self.http.post("/v1/streaming.new", json={"avatar_id": self.avatar, "version": "v2"}) as r:
            r.raise_for_status()
            data = (await r.json())["data"]
        self.session_id = data["session_id"]
        async with self.http.post("/v1/streaming.start", json={"session_id": self.session_id}) as r:
            r.raise_for_status()
        return data["url"], data["access_token"]

    async def run_sheet(self, lines):
        for line in lines:
            async with self.http.post(
                "/v1/streaming.task", json={"session_id": self.session_id, "text": line, "task_type": "repeat"}
            ) as r:
                r.raise_for_status()
            async with self.http.post("/v1/streaming.keep_alive", json={"session_id": self.session_id}) as r:
                r.raise_for_status()

    async def end(self):
        async with self.http.post("/v1/streaming.stop", json={"session_id": self.session_id}) as r:
            r.raise_for_status()
        self.session_id = None
