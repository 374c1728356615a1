"""A shell user: new > session.json, join with it, speak, keep alive, interrupt, stop."""

import contextlib
import io
import json

from e2e_support import viewer
from hgcli.__main__ import main


def hgcli(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    assert code == 0, (argv, code)
    return out.getvalue()


session = json.loads(hgcli("new", "--quality", "low"))
viewer.join(session["url"], session["access_token"])
sid = session["session_id"]
print(hgcli("speak", "-s", sid, "Deploy", "finished", "successfully."))
print(hgcli("keepalive", "-s", sid))
print(hgcli("speak", "-s", sid, "All checks are green."))
hgcli("interrupt", "-s", sid)
print(hgcli("stop", "-s", sid))
