"""Run all cells, open the viewer the notebook wrote (as its user would), say one more thing,
run the close cell."""

import re
from pathlib import Path

from e2e_support import run_notebook, viewer

ns = run_notebook("heygen_streaming_quickstart.ipynb")
# The notebook's user opens viewer.html: the browser joins with what the page says.
page = Path("viewer.html").read_text(encoding="utf-8")
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', page).groups()
viewer.join(url, token)
ns["speak"]("Thanks for trying the notebook!")
ns["close_session"]()
