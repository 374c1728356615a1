"""Run the notebook, open player.html, repeat a line, then stop."""

import re
from pathlib import Path

from e2e_support import run_notebook, viewer

ns = run_notebook("menu_avatar.ipynb")
page = Path("player.html").read_text(encoding="utf-8")
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', page).groups()
viewer.join(url, token)
ns["repeat"]("Today's special is the mushroom risotto.")
ns["stop"]()
