"""Run the notebook top to bottom, watch the room it printed, then use its helper cells."""

import asyncio

from e2e_support import run_notebook, viewer

ns = run_notebook("async_playground.ipynb")
viewer.join(ns["room"]["url"], ns["room"]["token"])


async def play():
    first = await ns["say"]("Hi! I live inside a notebook.")
    assert first
    await ns["say"]("Ask me anything about notebooks.", "talk")
    await ns["hush"]()
    await ns["finish"]()


# The user's next cells: on the kernel's loop, where the notebook's aiohttp session lives.
asyncio.get_event_loop().run_until_complete(play())
