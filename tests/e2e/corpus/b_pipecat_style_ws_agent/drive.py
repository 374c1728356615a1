import asyncio

import aiohttp
import e2e_support
from heygen_video.service import HeyGenVideoService


async def main():
    async with aiohttp.ClientSession() as session:
        service = HeyGenVideoService.from_env(session)
        await service.setup()
        url, token = service.client_credentials()
        e2e_support.viewer.join(url, token)  # the user's browser joins the room
        await service.start()
        await service.write_audio(e2e_support.audio_chunk(1000, seed=4))
        await service.write_audio(e2e_support.audio_chunk(500, seed=5))
        await service.interrupt()
        await asyncio.sleep(0.3)  # the user hangs up a moment after barging in
        await service.stop()


asyncio.run(main())
