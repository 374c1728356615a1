"""Run the workshop notebook, open the viewer, ask, retune the prompt, ask again, clean up."""

from pathlib import Path

from e2e_support import run_notebook, viewer

ns = run_notebook("concierge_workshop.ipynb")
url, token = Path("viewer.txt").read_text(encoding="utf-8").split()
viewer.join(url, token)
ns["ask"]("Where can I get breakfast?")
ns["retune"]("You are the concierge of the Grand Hotel. Always suggest the rooftop bar.")
ns["ask"]("Any plans for tonight?")
ns["cleanup"]()
