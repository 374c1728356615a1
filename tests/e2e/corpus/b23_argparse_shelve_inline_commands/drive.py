"""The kiosk operator's shell session: each command is its own process, as from cron."""

import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import e2e_support


def avatarctl(*args):
    done = subprocess.run(
        [sys.executable, "avatarctl.py", *args], capture_output=True, text=True, timeout=25
    )
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout.strip()


session_id = avatarctl("open")
assert session_id, session_id
query = parse_qs(urlsplit(avatarctl("link")).query)
e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])
avatarctl("say", "Good", "morning,", "the", "lobby", "is", "open.")
assert avatarctl("ping").startswith("alive")
avatarctl("say", "Visitors please sign in at the desk.")
assert avatarctl("close") == "closed"
