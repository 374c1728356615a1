"""Run all cells, open the printed link in a browser, then call close() as the last cell says."""

from urllib.parse import parse_qs, urlsplit

from e2e_support import run_notebook, viewer

ns = run_notebook("streaming_quick_test.ipynb")
query = parse_qs(urlsplit(ns["meet_link"]).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
ns["say"]("One more line, typed in a new cell.")
ns["close"]()
