"""Run all cells, open the printed room, say one more line, then run shutdown()."""

import asyncio

from e2e_support import run_notebook, viewer

ns = run_notebook("async_playground.ipynb")
viewer.join(ns["room"]["url"], ns["room"]["token"])
loop = asyncio.get_event_loop()
loop.run_until_complete(ns["say"]("One more line from the driver cell."))
loop.run_until_complete(ns["shutdown"]())
