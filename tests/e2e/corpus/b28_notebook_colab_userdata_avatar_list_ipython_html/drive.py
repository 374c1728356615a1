"""Run the notebook, open the displayed player, pitch, say one more line, stop."""

import re

from e2e_support import run_notebook, viewer
from IPython.display import shown

ns = run_notebook("sales_demo.ipynb")
player = shown[-1].data
url, token = re.search(r"room\.connect\('([^']*)', '([^']*)'\)", player).groups()
viewer.join(url, token)
ns["pitch"]()
ns["say"]("Questions? Just ask.")
ns["stop"]()
