"""Two HeyGen avatars debating a motion, each in its own streaming session."""
import asyncio
import contextlib
import logging
import os

import httpx

log = logging.getLogger("debate")

HEYGEN_API = "https://api.heygen.com"
KEEPALIVE_EVERY = 90  # seconds; HeyGen closes idle sessions after 2 minutes


class Debater:
    def __init__(self, client: httpx.AsyncClient, side: str, avatar_id: str):
        self.client = client
        self.side = side
        self.avatar_id = avatar_id
        self.session_id = None
        self.room = None
        self._keepalive = None

    async def open(self):
        r = await self.client.post("/v1/streaming.new", json={"avatar_id": self.avatar_id, "version": "v2", "quality": "low"})
        r.raise_for_status()
        data = r.json()["data"]
        self.session_id = data["session_id"]
        self.room = {"url": data["url"], "token": data["access_token"]}
        r = await self.client.post("/v1/streaming.start", json={"session_id": self.session_id})
        r.raise_for_status()
        self._keepalive = asyncio.create_task(self._keep_alive_loop())

    async def _keep_alive_loop(self):
        while True:
            await asyncio.sleep(KEEPALIVE_EVERY)
            r = await self.client.post("/v1/streaming.keep_alive", json={"session_id": self.session_id})
            log.debug("%s keep_alive %s", self.side, r.status_code)

    async def say(self, text):
        r = await self.client.post(
            "/v1/streaming.task",
            json={"session_id": self.session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        )
        r.raise_for_status()

    async def close(self):
        if self._keepalive:
            self._keepalive.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keepalive
        if self.session_id:
            await self.client.post("/v1/streaming.stop", json={"session_id": self.session_id})
            self.session_id = None


class Debate:
    def __init__(self, api_key, avatars):
        self.client = httpx.AsyncClient(
            base_url=HEYGEN_API,
            headers={"X-Api-Key": api_key, "Content-Type": "application/json"},
            timeout=httpx.Timeout(30.0),
        )
        self.debaters = {side: Debater(self.client, side, avatar) for side, avatar in avatars.items()}

    @classmethod
    def from_env(cls):
        return cls(
            os.environ["HEYGEN_API_KEY"],
            {
                "pro": os.environ.get("DEBATE_AVATAR_PRO", "Anna_public_3_20240108"),
                "con": os.environ.get("DEBATE_AVATAR_CON", "Wayne_20240711"),
            },
        )

    async def __aenter__(self):
        for debater in self.debaters.values():
            await debater.open()
        return self

    async def __aexit__(self, *exc):
        for debater in self.debaters.values():
            await debater.close()
        await self.client.aclose()

    def rooms(self):
        return {side: d.room for side, d in self.debaters.items()}

    async def run(self, script):
        for side, line in script:
            await self.debaters[side].say(line)
