"""Virtual tour guide on a HeyGen streaming avatar: async core, sync edges."""
import asyncio
import os
from types import SimpleNamespace

import httpx

API = "https://api.heygen.com/v1"
HEADERS = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}


async def _post(path, body):
    async with httpx.AsyncClient(base_url=API, headers=HEADERS, timeout=30) as client:
        r = await client.post(path, json=body)
        r.raise_for_status()
        return r.json()


class Guide:
    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")

    def new(self):
        envelope = asyncio.run(_post("/streaming.new", {"avatar_id": self.avatar, "version": "v2"}))
        return SimpleNamespace(**envelope["data"])

    def start(self, sess):
        asyncio.run(_post("/streaming.start", {"session_id": sess.session_id}))

    def say(self, sess, text):
        envelope = asyncio.run(_post("/streaming.task", {"session_id": sess.session_id, "text": text}))
        return envelope["data"]["task_id"]

    def ping(self, sess):
        asyncio.run(_post("/streaming.keep_alive", {"session_id": sess.session_id}))

    def stop(self, sess):
        return asyncio.run(_post("/streaming.stop", {"session_id": sess.session_id}))["message"]
