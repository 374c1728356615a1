"""The gallery kiosk asks two questions and barges in once."""

import asyncio

import e2e_support
from museum_voice.pipeline import run_tour


async def show(url: str, token: str) -> None:
    e2e_support.viewer.join(url, token)


spoken = asyncio.run(run_tour(["mona lisa", "<interrupt>", "sunflowers"], show))
assert spoken == 4, spoken
