"""One car at the drive-thru; the menu-board screen shows the avatar."""

import asyncio

import e2e_support
from drivethru.lane import serve_car


def tts(text: str) -> list[bytes]:
    return [
        e2e_support.audio_chunk(120, seed=len(text)),
        e2e_support.audio_chunk(60, seed=2 * len(text)),
    ]


lines = ["Hi, what can I get you?", "That's one large coffee, please drive forward."]
assert asyncio.run(serve_car(lines, tts, e2e_support.viewer.join)) == 2
