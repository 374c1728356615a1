"""The kiosk operator types `python -m kioskctl ...` commands, one process each."""

import subprocess
import sys
import tempfile

import e2e_support

home = tempfile.mkdtemp(prefix="kiosk-")


def run(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "kioskctl", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "KIOSK_HOME": home},
    )
    assert proc.returncode == 0, proc.stderr
    print(proc.stdout)
    return proc.stdout


out = run("open", "--quality", "low")
url = out.split("url=")[1].split()[0]
token = out.split("token=")[1].split()[0]
e2e_support.viewer.join(url, token)
run("say", "Welcome to the museum of science.")
run("listen")
run("say", "--task-type", "talk", "Which exhibit is the most popular?")
run("listen", "--stop")
run("close")
