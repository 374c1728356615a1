"""Feeds the output processor the frames a TTS service would produce."""

import asyncio

import e2e_support
from kioskbot.bot import make_output
from pipeflow import (
    BotInterruptionFrame,
    EndFrame,
    RoomFrame,
    StartFrame,
    TTSAudioRawFrame,
    TTSStoppedFrame,
)


async def main() -> None:
    out = make_output()
    await out.process_frame(StartFrame())
    room = next(f for f in out.downstream if isinstance(f, RoomFrame))
    e2e_support.viewer.join(room.url, room.token)
    for seed in (5, 6):
        await out.process_frame(TTSAudioRawFrame(e2e_support.audio_chunk(160, seed=seed)))
        await out.process_frame(TTSAudioRawFrame(e2e_support.audio_chunk(80, seed=seed + 1)))
        await out.process_frame(TTSStoppedFrame())
    await out.process_frame(BotInterruptionFrame())
    await out.process_frame(EndFrame())


asyncio.run(main())
