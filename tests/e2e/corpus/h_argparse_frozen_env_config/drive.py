"""An operator presenting a script with the CLI, then checking nothing is left open."""

import contextlib
import io
import pathlib

from avatarctl.cli import main

script = pathlib.Path("talk.txt")
script.write_text(
    "Welcome to the quarterly review.\n? What were our top sales regions?\nThank you all.\n"
)

assert main(["present", str(script), "--keep-alive-every", "2"]) == 0

out = io.StringIO()
with contextlib.redirect_stdout(out):
    assert main(["sessions"]) == 0
assert out.getvalue().strip().endswith("0 open"), out.getvalue()
