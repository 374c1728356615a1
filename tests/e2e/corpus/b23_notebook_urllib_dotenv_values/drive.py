"""Run the playground top to bottom, open the printed link, say one more line, close."""

from urllib.parse import parse_qs, urlsplit

from e2e_support import run_notebook, viewer

ns = run_notebook("stdlib_avatar_playground.ipynb")
query = parse_qs(urlsplit(ns["viewer_link"]).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
ns["say"]("The link works, thanks!")
assert ns["keep_alive"]() is True
assert ns["close_session"]() is True
