"""Shop greeter: a HeyGen streaming avatar on the screen by the door (async httpx inside)."""
import asyncio
import logging
import os

import httpx

API_HOST = os.environ.get("HEYGEN_HOST", "https://api.heygen.com")
URLS = {action: f"{API_HOST}/v1/streaming.{action}" for action in ("new", "start", "task", "keep_alive", "stop")}

logger = logging.getLogger(__name__)


class Greeter:
    def __init__(self, avatar_id=None):
        self.avatar_id = avatar_id or os.environ.get("GREETER_AVATAR", "Anna_public_3_20240108")
        self.session_id = None

    @property
    def headers(self):
        return {"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "content-type": "application/json"}

    async def _post(self, url, body):
        async with httpx.AsyncClient(timeout=20) as client:
            resp = await client.post(url, json=body, headers=self.headers)
        return resp

    async def _connect(self):
        resp = await self._post(URLS["new"], {"avatar_id": self.avatar_id, "version": "v2"})
        resp.raise_for_status()
        data = resp.json().get("data", {})
        self.session_id = data.get("session_id")
        (await self._post(URLS["start"], {"session_id": self.session_id})).raise_for_status()
        logger.info("greeter session %s", self.session_id)
        return data.get("url"), data.get("access_token")

    def connect(self):
        return asyncio.run(self._connect())

    def greet(self, text):
        resp = asyncio.run(self._post(URLS["task"], {"session_id": self.session_id, "text": text}))
        if resp.status_code != 200:
            logger.error("task failed: %s", resp.text)

    def keep_alive(self):
        asyncio.run(self._post(URLS["keep_alive"], {"session_id": self.session_id}))

    def disconnect(self):
        if self.session_id is None:
            return
        asyncio.run(self._post(URLS["stop"], {"session_id": self.session_id}))
        self.session_id = None
