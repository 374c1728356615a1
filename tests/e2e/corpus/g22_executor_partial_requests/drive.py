"""What the worker's host process does: start, show the room, speak twice, stop."""

import asyncio
import os

import e2e_support
from avatar_worker import AvatarWorker


async def main() -> None:
    worker = AvatarWorker(os.environ["AVATAR_ID"])
    room = await worker.start()
    e2e_support.viewer.join(room["url"], room["token"])
    await worker.say("Hello from the worker.")
    await worker.say("Goodbye.")
    await worker.stop()


asyncio.run(main())
