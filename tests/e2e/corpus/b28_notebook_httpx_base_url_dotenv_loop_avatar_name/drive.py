"""Run the notebook, open the viewer with viewer.json, read the tour, interrupt, keep alive, stop."""

import json
from pathlib import Path

from e2e_support import run_notebook, viewer

ns = run_notebook("museum_guide.ipynb")
creds = json.loads(Path("viewer.json").read_text(encoding="utf-8"))
viewer.join(creds["url"], creds["token"])
ns["read_script"](["Welcome to the east wing.", "", "These maps are from 1650."])
ns["hush"]()
ns["still_here"]()
ns["say"]("Follow me to the next room.")
ns["bye"]()
