"""Run the notebook top to bottom, open the room it printed in a browser, then run stop()."""

from e2e_support import run_notebook, viewer

ns = run_notebook("avatar_playground.ipynb")
viewer.join(
    ns["livekit_url"], ns["livekit_token"]
)  # the user pastes url + token into the demo page
ns["say"]("Bye from the notebook!")
ns["stop"]()
