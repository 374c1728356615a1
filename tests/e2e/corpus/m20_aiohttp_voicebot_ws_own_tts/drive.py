"""A phone call through the voice bot, with the avatar page open; the TTS is the framework's."""

import asyncio

import e2e_support
from voicebot.app import run_call


async def tts(text: str) -> bytes:
    return e2e_support.audio_chunk(400 + 10 * len(text), seed=len(text) % 5)


def show(url: str, token: str) -> None:
    e2e_support.viewer.join(url, token)  # the avatar page


replies = asyncio.run(
    run_call(["What are your opening hours?", "And refunds?", None, "Thanks"], tts, on_ready=show)
)
assert replies[0].startswith("We're open"), replies
assert len(replies) == 3, replies
