"""A developer at a terminal: `python -m avatar_cli ...` (run in this process, as the shell's
`python -m` would: a fresh `__main__` each time; the state is in the session file)."""

import contextlib
import io
import json
import os
import runpy
import sys

import e2e_support


def cli(*args: str) -> str:
    sys.argv = ["avatar_cli", *args]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            runpy.run_module("avatar_cli", run_name="__main__", alter_sys=True)
        except SystemExit as exit_:
            assert not exit_.code, (exit_.code, out.getvalue())
    return out.getvalue().strip()


print(cli("open", "--kb", os.environ["CLI_KB"]))
room = json.loads(cli("room"))
e2e_support.viewer.join(room["url"], room["token"])
cli("say", "Hello", "from", "the", "terminal.")
cli("say", "--task-type", "chat", "What", "can", "you", "do?")
print(cli("close"))
