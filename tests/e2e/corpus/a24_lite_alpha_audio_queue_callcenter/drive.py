"""One phone call, two agent turns; the agent desktop shows the avatar."""

import asyncio

import e2e_support
from voicedesk.agent import handle_call


def synth(text: str) -> list[bytes]:
    return [
        e2e_support.audio_chunk(160, seed=len(text)),
        e2e_support.audio_chunk(80, seed=len(text) + 7),
    ]


ids = asyncio.run(
    handle_call(
        ["Thanks for calling!", "Your order ships tomorrow."], synth, e2e_support.viewer.join
    )
)
assert len(ids) == 2 and ids[0] != ids[1]
