"""Someone at a terminal: one `python heycli.py ...` process per command."""

import json
import subprocess
import sys

import e2e_support


def run(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "heycli.py", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


room = json.loads(run("open"))
e2e_support.viewer.join(room["url"], room["access_token"])
print(run("say", "Welcome to the open house."))
print(run("ping"))
print(run("ask", "How many bedrooms does it have?"))
print(run("close"))
print(run("close"))
