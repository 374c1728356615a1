"""The hotel concierge service owns one aiohttp session and passes it to the avatar plugin."""

import asyncio

import aiohttp
import e2e_support
from concierge.avatar import HeyGenAvatar
from concierge.settings import Settings


async def main():
    settings = Settings.from_env()
    async with aiohttp.ClientSession() as http:
        avatar = HeyGenAvatar(http, settings)
        room = await avatar.open()
        e2e_support.viewer.join(room.url, room.access_token)
        await avatar.respond("What time is breakfast served?")
        await avatar.respond("And is the pool open today?")
        await avatar.interrupt()
        await avatar.close()


asyncio.run(main())
