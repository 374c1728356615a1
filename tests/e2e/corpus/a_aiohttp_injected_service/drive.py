import asyncio

import aiohttp
from e2e_support import viewer
from heygen_avatar_service import HeyGenAvatarService


async def run():
    async with aiohttp.ClientSession() as http:
        service = HeyGenAvatarService.from_env(http)
        room = await service.start()
        viewer.join(room["url"], room["access_token"])
        await service.say("What does the premium warranty cover?")
        await service.keep_alive(times=2)
        await service.say("And how long does it last?")
        await service.stop()


asyncio.run(run())
