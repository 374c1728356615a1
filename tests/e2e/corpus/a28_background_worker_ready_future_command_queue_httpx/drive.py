"""A store's screen starts the worker, shows the avatar, sends it a few commands, stops it."""

import asyncio

import e2e_support
from avatar_worker.worker import AvatarWorker


async def main() -> None:
    worker = AvatarWorker()
    task = asyncio.create_task(worker.run())
    session = await worker.ready
    e2e_support.viewer.join(session["url"], session["access_token"])
    for command in (
        ("say", "Hi! Welcome to Corner Books."),
        ("ask", "What are your hours on Sunday?"),
        ("hush", None),
        ("ping", None),
        ("say", "Enjoy browsing!"),
    ):
        worker.commands.put_nowait(command)
        await worker.commands.join()
    worker.commands.put_nowait(("stop", None))
    await task
    assert worker.done == 5


asyncio.run(main())
