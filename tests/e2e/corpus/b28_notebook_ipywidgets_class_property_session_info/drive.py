"""Run the notebook, then click like a user: start, open the player, speak, interrupt, close."""

import re

import ipywidgets
from e2e_support import run_notebook, viewer

ns = run_notebook("playground.ipynb")
w = ipywidgets.registry
w["Start"].click()
url, token = re.search(r"connect\('([^']*)', '([^']*)'\)", w["Player"].value).groups()
viewer.join(url, token)
w["Say"].value = "Hello from the notebook!\n\nThis is the second line."
w["Speak"].click()
w["Interrupt"].click()
w["Close"].click()
assert ns["avatar"].session_id is None
