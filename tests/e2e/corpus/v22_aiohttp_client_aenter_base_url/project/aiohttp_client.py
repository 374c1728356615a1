"""An asyncio voice-agent client for HeyGen's streaming avatar (aiohttp)."""

import asyncio
import os

import aiohttp

HEYGEN_HOST = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]


class AvatarClient:
    def __init__(self, api_key):
        self._api_key = api_key
        self._http = None
        self._info = {}

    async def __aenter__(self):
        self._http = aiohttp.ClientSession(base_url=HEYGEN_HOST, headers={"X-Api-Key": self._api_key})
        return self

    async def __aexit__(self, *exc):
        await self._http.close()

    async def _post(self, path, **body):
        async with self._http.post(path, json=body) as resp:
            resp.raise_for_status()
            return (await resp.json()).get("data") or {}

    @property
    def session_id(self):
        return self._info.get("session_id")

    @property
    def livekit(self):
        return self._info["url"], self._info["access_token"]

    async def open(self, avatar_id):
        self._info = await self._post(
            "/v1/streaming.new",
            avatar_id=avatar_id,
            quality="medium",
            version="v2",
            knowledge_base_id=KNOWLEDGE_BASE_ID,
        )
        await self._post("/v1/streaming.start", session_id=self.session_id)

    async def say(self, text, *, task_type="repeat"):
        return await self._post("/v1/streaming.task", session_id=self.session_id, text=text, task_type=task_type)

    async def listen(self):
        await self._post("/v1/streaming.start_listening", session_id=self.session_id)

    async def interrupt(self):
        await self._post("/v1/streaming.interrupt", session_id=self.session_id)

    async def close(self):
        await self._post("/v1/streaming.stop", session_id=self.session_id)


async def main(on_ready=None):
    async with AvatarClient(os.environ["HEYGEN_API_KEY"]) as client:
        await client.open(AVATAR_ID)
        if on_ready is not None:
            on_ready(*client.livekit)  # e.g. send the room credentials to the browser
        await client.say("Welcome back!")
        await client.say("Tell me a joke", task_type="talk")
        await client.listen()
        await client.interrupt()
        await client.close()


if __name__ == "__main__":
    asyncio.run(main())
