"""Two sentences from the TTS, a cut-in, one more sentence."""

import asyncio

import e2e_support
from voicehost.host import VoiceHost


async def main() -> None:
    host = VoiceHost()
    url, token = await host.open()
    e2e_support.viewer.join(url, token)
    await host.speak([e2e_support.audio_chunk(120, seed=1), e2e_support.audio_chunk(120, seed=2)])
    await host.speak([e2e_support.audio_chunk(200, seed=3)])
    await host.cut_in()
    await host.speak([e2e_support.audio_chunk(60, seed=4)])
    await host.close()


asyncio.run(main())
