"""One call: greeting, the caller speaks, an answer is cut off by the caller, goodbye."""

import asyncio

import e2e_support
from callbot.line import AvatarLine


async def main() -> None:
    line = AvatarLine()
    url, token = await line.dial()
    e2e_support.viewer.join(url, token)
    await line.play([e2e_support.audio_chunk(200, seed=1), e2e_support.audio_chunk(200, seed=2)])
    await line.caller_turn()
    await line.play([e2e_support.audio_chunk(120, seed=3)])
    await line.barge_in()
    await line.still_there()
    await line.play([e2e_support.audio_chunk(80, seed=4)])
    await line.hangup()


asyncio.run(main())
