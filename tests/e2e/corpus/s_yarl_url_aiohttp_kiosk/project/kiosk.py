"""Lobby kiosk: greets visitors with a HeyGen streaming avatar (aiohttp + yarl URLs)."""
import asyncio
import logging
import os

import aiohttp
from yarl import URL

log = logging.getLogger(__name__)

API = URL(os.getenv("HEYGEN_API", "https://api.heygen.com")) / "v1"


class Kiosk:
    def __init__(self, avatar_id: str, *, api_key: str | None = None):
        self.avatar_id = avatar_id
        self._key = api_key or os.environ["HEYGEN_API_KEY"]
        self._http: aiohttp.ClientSession | None = None
        self.session_id: str | None = None
        self.room: dict[str, str] = {}

    async def __aenter__(self):
        self._http = aiohttp.ClientSession(
            headers={"X-Api-Key": self._key}, raise_for_status=True
        )
        await self.open()
        return self

    async def __aexit__(self, *exc):
        try:
            if self.session_id:
                await self.close()
        finally:
            await self._http.close()

    async def _call(self, endpoint: str, **body):
        async with self._http.post(API / endpoint, json=body) as resp:
            payload = await resp.json()
        log.debug("%s -> %s", endpoint, payload.get("message"))
        return payload["data"]

    async def open(self):
        data = await self._call(
            "streaming.new", avatar_id=self.avatar_id, quality="medium", version="v2"
        )
        self.session_id = data["session_id"]
        self.room = {"url": data["url"], "token": data["access_token"]}
        await self._call("streaming.start", session_id=self.session_id)

    async def greet(self, visitor: str):
        await self._call(
            "streaming.task",
            session_id=self.session_id,
            text=f"Hello {visitor}, welcome to Acme. Please take a badge.",
            task_type="repeat",
        )

    async def heartbeat(self):
        await self._call("streaming.keep_alive", session_id=self.session_id)

    async def close(self):
        await self._call("streaming.stop", session_id=self.session_id)
        self.session_id = None


async def run(visitors, show_room=print):
    async with Kiosk(os.getenv("KIOSK_AVATAR", "Anna_public_3_20240108")) as kiosk:
        show_room(kiosk.room["url"], kiosk.room["token"])
        for visitor in visitors:
            await kiosk.greet(visitor)
            await kiosk.heartbeat()
    return kiosk


if __name__ == "__main__":
    asyncio.run(run(["Ada", "Grace"]))
