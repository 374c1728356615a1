"""Run the workshop notebook, join the room it opened, ask once more, clean up."""

from e2e_support import run_notebook, viewer

ns = run_notebook("workshop.ipynb")
viewer.join(*ns["room"])
ns["ask"]("Do you sell baguettes?")
assert "workshop-bakery" not in ns["cleanup"]()
