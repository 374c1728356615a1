"""A shell session: new, join with the printed credentials, speak (text and a file), list, stop."""

import contextlib
import io
from pathlib import Path

import avatarctl
from e2e_support import viewer


def run(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        avatarctl.main(list(argv))
    return out.getvalue()


printed = dict(line.split(None, 1) for line in run("new", "--quality", "low").splitlines())
viewer.join(printed["livekit"].strip(), printed["token"].strip())
run("speak", "Good afternoon, everyone.")
Path("lines.txt").write_text("First item on the agenda.\n\nSecond item.\n")
run("speak", "--file", "lines.txt")
print(run("list"))
print(run("stop"))
assert not Path(".avatarctl.json").exists()
