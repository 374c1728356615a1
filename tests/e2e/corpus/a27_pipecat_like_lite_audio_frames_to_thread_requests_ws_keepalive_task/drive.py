"""The TTS speaks two utterances; the user barges in; the pipeline ends."""

import asyncio

import e2e_support
from avatar_out.frames import (
    BotInterruptionFrame,
    EndFrame,
    StartFrame,
    TTSAudioRawFrame,
    TTSStartedFrame,
    TTSStoppedFrame,
)
from avatar_out.sink import HeyGenAudioSink


async def main() -> None:
    sink = HeyGenAudioSink(on_room=e2e_support.viewer.join)
    await sink.process_frame(StartFrame())
    for seeds in ((1, 2), (3,)):
        await sink.process_frame(TTSStartedFrame())
        for seed in seeds:
            await sink.process_frame(TTSAudioRawFrame(e2e_support.audio_chunk(160, seed=seed)))
        await sink.process_frame(TTSStoppedFrame())
    await sink.ping()
    await sink.process_frame(BotInterruptionFrame())
    await sink.process_frame(EndFrame())


asyncio.run(main())
