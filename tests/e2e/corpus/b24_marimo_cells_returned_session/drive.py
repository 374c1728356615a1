"""`marimo run`-like: run the notebook's cells, open the link, say more, stop."""

from urllib.parse import parse_qs, urlsplit

import e2e_support
from avatar_notebook import app

_outputs, defs = app.run()
query = parse_qs(urlsplit(defs["viewer"]).query)
e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])
defs["say"]("Marimo cells re-run when their inputs change.")
defs["stop"]()
