"""One caller: greeting, a ping, a barge-in, a goodbye."""

import asyncio

import e2e_support
from relay.call import Call


def tts(text: str) -> list[bytes]:
    return [
        e2e_support.audio_chunk(100, seed=len(text)),
        e2e_support.audio_chunk(40, seed=len(text) + 1),
    ]


async def main() -> None:
    call = Call(tts)
    e2e_support.viewer.join(*await call.answer())
    await call.say("Thanks for calling Northwind, how can I help?")
    await call.socket.ping()
    await call.caller_spoke()
    await call.say("Of course, one moment please.")
    await call.hang_up()


asyncio.run(main())
