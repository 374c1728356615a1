import asyncio

from avatar_service import AsyncAvatarService
from e2e_support import viewer


async def run():
    service = AsyncAvatarService()
    try:
        session = await service.start_session()
        viewer.join(session.url, session.access_token)
        await service.speak("Let's review your quarterly numbers.", task_type="repeat")
        await service.speak("What stood out to you?")
        await service.interrupt()
        await service.stop()
    finally:
        await service.aclose()


asyncio.run(run())
