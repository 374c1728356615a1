"""Lobby kiosk: greets visitors by name while the screen is awake."""
import asyncio
import os

import aiohttp

from .heygen_api import StreamingAPI


class Lobby:
    def __init__(self, http: aiohttp.ClientSession):
        self.api = StreamingAPI(http, os.environ["HEYGEN_API_KEY"])
        self.avatar_id = os.getenv("LOBBY_AVATAR_ID", "Anna_public_3_20240108")
        self.session = None

    async def wake(self):
        self.session = await self.api.new_session(self.avatar_id)
        await self.api.start(self.session["session_id"])
        return self.session["url"], self.session["access_token"]

    async def greet(self, visitor: str):
        return await self.api.speak(self.session["session_id"], f"Hello {visitor}, welcome to the lobby!")

    async def idle(self):
        await self.api.keep_alive(self.session["session_id"])

    async def sleep(self):
        if self.session:
            await self.api.stop(self.session["session_id"])
            self.session = None


async def run(visitors, on_screen):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        lobby = Lobby(http)
        url, token = await lobby.wake()
        on_screen(url, token)
        try:
            for visitor in visitors:
                await lobby.greet(visitor)
                await lobby.idle()
        finally:
            await lobby.sleep()
