"""A deployment script using the announcer worker as an async context manager."""

import asyncio
import os

from e2e_support import viewer
from worker.announcer import Announcer


async def main() -> None:
    async with Announcer(os.environ["AVATAR_ID"], os.environ["KNOWLEDGE_BASE_ID"]) as announcer:
        viewer.join(*announcer.viewer)
        await announcer.announce("Doors open in five minutes.")
        await announcer.announce("What should visitors see first?", chat=True)
        await announcer.ping()


asyncio.run(main())
