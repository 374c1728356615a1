"""Async worker: reads announcements and has the avatar read them out.

    python -m worker.announcer announcements.txt
"""
import asyncio
import logging
import os
import sys

import httpx

log = logging.getLogger("announcer")

HEYGEN_API = os.getenv("HEYGEN_API_URL", "https://api.heygen.com")
API_KEY = os.environ.get("HEYGEN_API_KEY")
KEEPALIVE_EVERY = 60


class Announcer:
    def __init__(self, avatar_id, knowledge_base_id=None):
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        self.client = httpx.AsyncClient(base_url=HEYGEN_API, timeout=30.0)
        self.session_id = None
        self.token = None

    async def __aenter__(self):
        resp = await self.client.post(
            "/v1/streaming.create_token", headers={"x-api-key": API_KEY}
        )
        resp.raise_for_status()
        self.token = resp.json()["data"]["token"]
        self.client.headers["Authorization"] = f"Bearer {self.token}"

        body = {"avatar_id": self.avatar_id, "version": "v2", "quality": "low"}
        if self.knowledge_base_id:
            body["knowledge_base_id"] = self.knowledge_base_id
        resp = await self.client.post("/v1/streaming.new", json=body)
        resp.raise_for_status()
        info = resp.json()["data"]
        self.session_id = info["session_id"]
        self.viewer = (info["url"], info["access_token"])

        resp = await self.client.post(
            "/v1/streaming.start", json={"session_id": self.session_id}
        )
        resp.raise_for_status()
        log.info("session %s live", self.session_id)
        return self

    async def announce(self, text, chat=False):
        resp = await self.client.post(
            "/v1/streaming.task",
            json={
                "session_id": self.session_id,
                "text": text,
                "task_type": "chat" if chat else "repeat",
                "task_mode": "async",
            },
        )
        resp.raise_for_status()
        log.info("queued %r", text)

    async def ping(self):
        await self.client.post(
            "/v1/streaming.keep_alive", json={"session_id": self.session_id}
        )

    async def __aexit__(self, *exc):
        try:
            await self.client.post(
                "/v1/streaming.stop", json={"session_id": self.session_id}
            )
        finally:
            await self.client.aclose()


async def run(lines, avatar_id, knowledge_base_id=None):
    async with Announcer(avatar_id, knowledge_base_id) as announcer:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            if line.startswith("?"):
                await announcer.announce(line[1:].strip(), chat=True)
            else:
                await announcer.announce(line)
            await announcer.ping()
        return announcer.session_id, announcer.viewer


def main(argv=None):
    argv = argv or sys.argv[1:]
    logging.basicConfig(level=logging.INFO)
    with open(argv[0]) as fh:
        lines = fh.readlines()
    avatar = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
    return asyncio.run(run(lines, avatar, os.environ.get("KNOWLEDGE_BASE_ID")))


if __name__ == "__main__":
    main()
