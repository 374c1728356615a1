"""Run the notebook top to bottom, open the printed link, talk a bit, close."""

from urllib.parse import parse_qs, urlsplit

from e2e_support import run_notebook, viewer

ns = run_notebook("avatar_sandbox.ipynb")
query = parse_qs(urlsplit(ns["viewer_link"]).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
ns["ask"]("What can I ask you about?")
ns["hush"]()
ns["say"]("Never mind, goodbye!")
ns["close"]()
