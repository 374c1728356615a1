"""Run all, open the printed link, say one more line, run the stop function."""

import asyncio
from urllib.parse import parse_qs, urlsplit

from e2e_support import run_notebook, viewer

ns = run_notebook("heygen_avatar_colab.ipynb")
query = parse_qs(urlsplit(ns["viewer"]).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
loop = asyncio.get_event_loop()
loop.run_until_complete(ns["say"]("Thanks for trying the notebook."))
loop.run_until_complete(ns["stop"]())
