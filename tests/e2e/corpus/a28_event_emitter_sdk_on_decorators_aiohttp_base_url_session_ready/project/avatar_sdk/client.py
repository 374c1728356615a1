import inspect
import logging
import os
from collections import defaultdict

import aiohttp

log = logging.getLogger("avatar_sdk")


class LiveAvatarClient:
    """Despite the name (the product's), this talks to HeyGen's streaming API."""

    def __init__(self, avatar_id=None, quality="medium"):
        self.avatar_id = avatar_id or os.environ["SDK_AVATAR"]
        self.quality = quality
        self.session_id = None
        self._http = None
        self._listeners = defaultdict(list)

    def on(self, event):
        def register(handler):
            self._listeners[event].append(handler)
            return handler

        return register

    async def emit(self, event, *args):
        for handler in list(self._listeners[event]):
            result = handler(*args)
            if inspect.isawaitable(result):
                await result

    async def _post(self, path, body):
        async with self._http.post(path, json=body) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def connect(self):
        self._http = aiohttp.ClientSession(
            base_url="https://api.heygen.com", headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
        )
        created = await self._post(
            "/v1/streaming.new", {"avatar_id": self.avatar_id, "quality": self.quality, "version": "v2"}
        )
        data = created["data"]
        self.session_id = data["session_id"]
        await self._post("/v1/streaming.start", {"session_id": self.session_id})
        await self.emit("session_ready", data)

    async def say(self, text):
        await self._post("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "repeat"})
        await self.emit("spoken", text)

    async def interrupt(self):
        await self._post("/v1/streaming.interrupt", {"session_id": self.session_id})

    async def disconnect(self):
        try:
            await self._post("/v1/streaming.stop", {"session_id": self.session_id})
            await self.emit("closed", self.session_id)
        finally:
            await self._http.close()
