"""Run the notebook top to bottom, open the viewer it printed, then run the commented cells."""

import asyncio

from e2e_support import run_notebook, viewer

ns = run_notebook("stream_playground.ipynb")
viewer.join(ns["info"]["url"], ns["info"]["access_token"])


async def more_cells():
    hg = ns["hg"]
    await hg.task("What can you tell me about the knowledge base?", kind="talk")
    await hg.stop()


# the user's next cells run on the kernel's loop, where the notebook's client lives
asyncio.get_event_loop().run_until_complete(more_cells())
