"""A shell session: new (with a knowledge base), join, say, ask, hush, list, stop."""

import contextlib
import io
from pathlib import Path

from avatarcli.cli import main
from e2e_support import viewer


def avatar(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(list(argv))
    return out.getvalue()


printed = dict(line.split(None, 1) for line in avatar("new", "--quality", "low").splitlines())
viewer.join(printed["url"].strip(), printed["token"].strip())
avatar("say", "Hello", "and", "welcome.")
avatar("say", "--chat", "What are the opening hours?")
avatar("hush")
listing = avatar("sessions")
assert listing.startswith("1 active"), listing
print(avatar("stop"))
assert not Path(".avatar-session.json").exists()
