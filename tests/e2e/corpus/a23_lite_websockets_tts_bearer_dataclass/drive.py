"""Two caller turns; the clinic's lobby screen shows the avatar."""

import asyncio

import e2e_support
from bot import call


def tts(text: str) -> list[bytes]:
    seed = len(text)
    return [e2e_support.audio_chunk(200, seed=seed), e2e_support.audio_chunk(120, seed=seed + 1)]


session_id = asyncio.run(call(["hello", "hours"], tts, e2e_support.viewer.join))
assert session_id
