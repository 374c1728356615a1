"""Virtual tour guide on a HeyGen streaming avatar (async)."""
import json
import os
from types import SimpleNamespace

import httpx

KEY = os.environ["HEYGEN_API_KEY"]


class Guide:
    def __init__(self, avatar=None):
        self.avatar = avatar or os.environ.get("GUIDE_AVATAR", "Anna_public_3_20240108")

    @staticmethod
    def _h():
        return {"X-Api-Key": KEY}

    async def new(self):
        async with httpx.AsyncClient(base_url="https://api.heygen.com") as client:
            r = await client.post("/v1/streaming.new", headers=self._h(),
                                  json={"avatar_id": self.avatar, "version": "v2"})
        return json.loads(r.text, object_hook=lambda d: SimpleNamespace(**d)).data

    async def start(self, sess):
        async with httpx.AsyncClient(base_url="https://api.heygen.com") as client:
            (await client.post("/v1/streaming.start", headers=self._h(), json={"session_id": sess.session_id})).raise_for_status()

    async def say(self, sess, text):
        async with httpx.AsyncClient(base_url="https://api.heygen.com") as client:
            r = await client.post("/v1/streaming.task", headers=self._h(),
                                  json={"session_id": sess.session_id, "text": text})
        return r.json()["data"]["task_id"]

    async def ping(self, sess):
        async with httpx.AsyncClient(base_url="https://api.heygen.com") as client:
            await client.post("/v1/streaming.keep_alive", headers=self._h(), json={"session_id": sess.session_id})

    async def stop(self, sess):
        async with httpx.AsyncClient(base_url="https://api.heygen.com") as client:
            r = await client.post("/v1/streaming.stop", headers=self._h(), json={"session_id": sess.session_id})
        return r.json()["message"]
