"""The kiosk's start-up script, its browser, cron and the evening shutdown: one process each."""

import subprocess
import sys

import e2e_support


def kiosk(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "kiosk.py", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


print(kiosk("start"))
url, token = kiosk("link").split()
e2e_support.viewer.join(url, token)
kiosk("say", "Welcome!", "Please", "sign", "in", "at", "the", "desk.")
kiosk("ping")
kiosk("say", "Have", "a", "nice", "day.")
kiosk("stop")
