"""Narrates two paragraphs of a chapter while the reader watches."""

import e2e_support
from narrator.avatar import NarratorAvatar


def tts(paragraph: str):
    for n in range(2):
        yield e2e_support.audio_chunk(100 + 20 * n, seed=len(paragraph) + n)


with NarratorAvatar() as avatar:
    e2e_support.viewer.join(*avatar.room())
    avatar.narrate("It was a bright cold day in April.", tts)
    avatar.ping()
    avatar.narrate("The clocks were striking thirteen.", tts)
