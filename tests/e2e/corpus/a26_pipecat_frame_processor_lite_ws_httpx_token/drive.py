"""Runs the voice pipeline with two synthesized sentences and a barge-in."""

import asyncio

import e2e_support
from avatar_service.bot import build_pipeline
from pipekit import (
    EndFrame,
    HeartbeatFrame,
    StartFrame,
    TTSAudioRawFrame,
    TTSStartedFrame,
    TTSStoppedFrame,
    UserStartedSpeakingFrame,
)


async def main() -> None:
    head = build_pipeline(e2e_support.viewer.join)
    frames = [StartFrame()]
    for seed in (1, 2):
        frames += [
            TTSStartedFrame(),
            TTSAudioRawFrame(e2e_support.audio_chunk(200, seed=seed)),
            TTSAudioRawFrame(e2e_support.audio_chunk(100, seed=seed + 10)),
            TTSStoppedFrame(),
        ]
        frames.append(HeartbeatFrame())
    frames += [UserStartedSpeakingFrame(), EndFrame()]
    for frame in frames:
        await head.process_frame(frame, None)


asyncio.run(main())
