"""Run the notebook top to bottom, open the printed meet link, ask once more, end the session."""

from urllib.parse import parse_qs, urlsplit

from e2e_support import run_notebook, viewer

ns = run_notebook("interactive_avatar_colab.ipynb")
query = parse_qs(urlsplit(ns["viewer_url"]).query)
viewer.join(query["liveKitUrl"][0], query["token"][0])
ns["talk"]("And what about the weekend?")
ns["end_session"]()
