"""Run the notebook, open the viewer link it printed, then close the session."""

from urllib.parse import parse_qs, urlsplit

from e2e_support import run_notebook, viewer

ns = run_notebook("realtime_tones.ipynb")
query = parse_qs(urlsplit(ns["viewer_link"]).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
assert ns["close"]()
