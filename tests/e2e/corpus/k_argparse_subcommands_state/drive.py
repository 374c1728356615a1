"""Someone at a terminal: one `python avatar.py ...` process per command."""

import json
import subprocess
import sys

import e2e_support


def run(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "avatar.py", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


info = json.loads(run("open", "--quality", "low"))
e2e_support.viewer.join(info["url"], info["access_token"])
print(run("say", "Good", "evening,", "everyone."))
print(run("ping"))
print(run("say", "--chat", "What", "is", "on", "the", "menu?"))
print(run("stop"))
