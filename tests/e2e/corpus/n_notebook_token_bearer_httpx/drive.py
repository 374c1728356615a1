"""Run the notebook top to bottom, open the room it kept in LIVEKIT in a browser, then stop()."""

from e2e_support import run_notebook, viewer

ns = run_notebook("avatar_demo.ipynb")
viewer.join(ns["LIVEKIT"]["url"], ns["LIVEKIT"]["token"])  # pasted into the demo page
ns["stop"]()
