"""An asyncio voice-agent client for HeyGen's streaming avatar (aiohttp)."""

import asyncio
import os

import aiohttp

HEYGEN_BASE = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com") + "/v1"
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]


async def _json(resp):
    return await resp.json(content_type=None)


class AvatarClient:
    def __init__(self, api_key):
        self.headers = {"X-Api-Key": api_key}
        self.session_id = None

    async def open(self, http, avatar_id):
        async with http.post(
            f"{HEYGEN_BASE}/streaming.new",
            json={
                "avatar_id": avatar_id,
                "quality": "medium",
                "version": "v2",
                "knowledge_base_id": KNOWLEDGE_BASE_ID,
            },
            headers=self.headers,
        ) as resp:
            resp.raise_for_status()
            data = (await _json(resp))["data"]
        self.session_id = data["session_id"]
        self.livekit = data["url"], data["access_token"]  # handed to the web client
        async with http.post(
            f"{HEYGEN_BASE}/streaming.start",
            json={"session_id": self.session_id},
            headers=self.headers,
        ) as resp:
            assert resp.status == 200, await resp.text()

    async def say(self, http, text, task_type="repeat"):
        payload = {"session_id": self.session_id, "text": text, "task_type": task_type}
        async with http.post(
            f"{HEYGEN_BASE}/streaming.task", json=payload, headers=self.headers
        ) as resp:
            return await _json(resp)

    async def listen(self, http):
        async with http.post(
            f"{HEYGEN_BASE}/streaming.start_listening",
            json={"session_id": self.session_id},
            headers=self.headers,
        ) as resp:
            assert resp.status == 200, await resp.text()

    async def interrupt(self, http):
        resp = await http.post(
            f"{HEYGEN_BASE}/streaming.interrupt",
            json={"session_id": self.session_id},
            headers=self.headers,
        )
        resp.raise_for_status()

    async def close(self, http):
        async with http.post(
            f"{HEYGEN_BASE}/streaming.stop",
            json={"session_id": self.session_id},
            headers=self.headers,
        ) as resp:
            await resp.text()


async def main(on_ready=None):
    client = AvatarClient(os.environ["HEYGEN_API_KEY"])
    async with aiohttp.ClientSession() as http:
        await client.open(http, AVATAR_ID)
        if on_ready is not None:
            on_ready(*client.livekit)  # e.g. send the room credentials to the browser
        await client.say(http, "Welcome back!")
        await client.say(http, "Tell me a joke", task_type="talk")
        await client.listen(http)
        await client.interrupt(http)
        await client.close(http)


if __name__ == "__main__":
    asyncio.run(main())
