"""Someone at a terminal: one `python avatar_cli.py COMMAND` process per command."""

import subprocess
import sys

import e2e_support


def run(*args: str) -> dict[str, str]:
    proc = subprocess.run(
        [sys.executable, "avatar_cli.py", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    print(proc.stdout)
    fields = {}
    for line in proc.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


room = run("open", "--quality=low")
e2e_support.viewer.join(room["url"], room["access_token"])
run("say", "Doors open in five minutes.")
run("ping")
run("chat", "What is on the program today?")
run("hush")
run("say", "Please take your seats.", "--mode=sync")
run("close")
