"""Render the intro video, then present the same script live (the screen joins the room)."""

import e2e_support
from presenter.cli import main

assert main(["render", "welcome.txt", "--title", "all-hands intro"]) == 0
assert main(["live", "welcome.txt", "--quality", "low"], on_ready=e2e_support.viewer.join) == 0
