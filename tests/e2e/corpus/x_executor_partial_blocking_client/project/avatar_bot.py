"""Async chat bot that drives a HeyGen avatar.

The HeyGen calls use plain blocking `requests` (our ops team vetted it, not an async client),
so the coroutines push them onto the default thread pool with `loop.run_in_executor` and
`functools.partial`, which keeps the event loop free for the chat connection.
"""
import asyncio
import functools
import os

import requests

HEYGEN_URL = os.environ.get("HEYGEN_URL", "https://api.heygen.com")


def _post(path, payload, api_key):
    resp = requests.post(
        HEYGEN_URL + path,
        json=payload,
        headers={"x-api-key": api_key, "content-type": "application/json"},
        timeout=25,
    )
    resp.raise_for_status()
    return resp.json()


class AvatarBot:
    def __init__(self, avatar_id, knowledge_base_id=None):
        self.avatar_id = avatar_id
        self.knowledge_base_id = knowledge_base_id
        self.api_key = os.environ["HEYGEN_API_KEY"]
        self.session_id = None

    async def _call(self, path, payload):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(_post, path, payload, self.api_key))

    async def connect(self):
        payload = {"avatar_id": self.avatar_id, "quality": "low", "version": "v2"}
        if self.knowledge_base_id:
            payload["knowledge_base_id"] = self.knowledge_base_id
        resp = await self._call("/v1/streaming.new", payload)
        info = resp["data"]
        self.session_id = info["session_id"]
        await self._call("/v1/streaming.start", {"session_id": self.session_id})
        return {"server_url": info["url"], "token": info["access_token"]}

    async def on_message(self, text):
        if text.startswith("/say "):
            await self._call("/v1/streaming.task", {"session_id": self.session_id, "text": text[5:], "task_type": "repeat"})
        elif text == "/stop":
            await self._call("/v1/streaming.interrupt", {"session_id": self.session_id})
        else:
            await self._call("/v1/streaming.task", {"session_id": self.session_id, "text": text, "task_type": "talk"})

    async def close(self):
        if self.session_id:
            await self._call("/v1/streaming.stop", {"session_id": self.session_id})
            self.session_id = None


async def serve(messages, on_room):
    bot = AvatarBot(os.environ["BOT_AVATAR_ID"], os.environ.get("BOT_KB_ID"))
    room = await bot.connect()
    on_room(room["server_url"], room["token"])
    try:
        for message in messages:
            await bot.on_message(message)
    finally:
        await bot.close()
