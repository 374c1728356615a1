"""Run the notebook top to bottom, open the page it wrote, then close from the helper module."""

import re
from pathlib import Path

from e2e_support import run_notebook, viewer

ns = run_notebook("avatar_experiments.ipynb")
page = Path("viewer.html").read_text(encoding="utf-8")
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', page).groups()
viewer.join(url, token)
ns["hp"].say(ns["sid"], "One more line before I go.")
assert ns["hp"].close_session(ns["sid"])
