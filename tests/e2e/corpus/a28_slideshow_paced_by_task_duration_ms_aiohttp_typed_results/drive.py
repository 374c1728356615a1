"""Three slides narrated at a very high playback speed (the pacing sleeps stay short)."""

import asyncio

import e2e_support
from slides.deck import SlideDeck, present
from slides.narrator import Narrator

SLIDES = [
    ("Intro", "Welcome to onboarding."),
    ("Benefits", "Your benefits start on day one."),
    ("Wrap-up", "Questions? Ask your buddy."),
]


async def main() -> None:
    async with Narrator(speed=1000.0) as narrator:
        e2e_support.viewer.join(*narrator.viewer)
        deck = SlideDeck(SLIDES)
        await present(deck, narrator)
        assert deck.shown == ["Intro", "Benefits", "Wrap-up"]


asyncio.run(main())
