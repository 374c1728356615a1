"""Chat messages from the stream arrive; the co-host reacts; the stream ends."""

import asyncio

import e2e_support
from streamer.cohost import CoHost


async def main() -> None:
    host = CoHost(on_room=e2e_support.viewer.join)
    await host.start()
    host.say("Hey chat, welcome back to the stream!")
    host.say("what game is this?", kind="chat")
    host.interrupt()
    host.ping()
    await host.queue.join()
    await host.shutdown()


asyncio.run(main())
