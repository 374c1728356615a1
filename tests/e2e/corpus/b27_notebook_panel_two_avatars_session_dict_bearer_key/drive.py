"""Run the panel notebook, open both players (the printed links), perform the script, wrap up."""

import contextlib
import io

from e2e_support import run_notebook, viewer

out = io.StringIO()
with contextlib.redirect_stdout(out):
    ns = run_notebook("panel.ipynb")
for line in out.getvalue().splitlines():
    name, url, token = line.split()
    viewer.join(url, token)
ns["perform"](ns["SCRIPT"])
ns["wrap_up"]()
assert not ns["sessions"]
