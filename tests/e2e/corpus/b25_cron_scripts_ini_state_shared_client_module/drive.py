"""One working day of the crontab, each job its own process."""

import subprocess
import sys

import e2e_support


def job(*argv: str) -> str:
    proc = subprocess.run([sys.executable, *argv], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


print(job("nightly_render.py"))
print(job("lobby_live.py", "open"))
url, token = job("lobby_live.py", "screen").split()
e2e_support.viewer.join(url, token)
job("lobby_live.py", "ping")
job("lobby_live.py", "say", "The", "9:30", "visitors", "have", "arrived.")
job("lobby_live.py", "ping")
job("lobby_live.py", "close")
