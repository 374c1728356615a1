"""Run the notebook, open player.html as its user would, ask and announce, then shut down."""

import asyncio
import json
import re
from pathlib import Path

from e2e_support import run_notebook, viewer

ns = run_notebook("kb_avatar_demo.ipynb")
page = Path("player.html").read_text(encoding="utf-8")
url, token = (json.loads(v) for v in re.search(r"room\.connect\((.*), (.*)\);", page).groups())
viewer.join(url, token)

loop = asyncio.get_event_loop()
loop.run_until_complete(ns["announce"]("Welcome to the help desk."))
loop.run_until_complete(ns["ask"]("What are your opening hours?"))
loop.run_until_complete(ns["ping"]())
loop.run_until_complete(ns["shutdown"]())
