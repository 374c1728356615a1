"""A call comes in: the TTS speaks two replies, the caller barges in, the call ends."""

import asyncio

import e2e_support
from phonebridge.bridge import AvatarBridge


async def main() -> None:
    bridge = AvatarBridge()
    creds = await bridge.connect()
    e2e_support.viewer.join(creds["url"], creds["token"])
    await bridge.say_pcm(
        [e2e_support.audio_chunk(300, seed=11), e2e_support.audio_chunk(300, seed=12)]
    )
    await bridge.ping()
    await bridge.say_pcm([e2e_support.audio_chunk(150, seed=13)])
    await bridge.barge_in()
    await bridge.hang_up()


asyncio.run(main())
