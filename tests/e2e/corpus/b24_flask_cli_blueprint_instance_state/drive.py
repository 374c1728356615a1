"""The showroom staff at a shell, one `flask avatar ...` process per command; the screen polls."""

import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import e2e_support


def flask(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "showroom", "avatar", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


print(flask("open"))
query = parse_qs(urlsplit(flask("link")).query)
e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])
print(flask("say", "Welcome", "to", "the", "showroom!"))
print(flask("ping"))
print(flask("say", "--ask", "Which", "model", "has", "the", "longest", "range?"))

from showroom import create_app  # noqa: E402  the screen's page, served by the same app

with create_app().test_client() as screen:
    live = screen.get("/screen.json").get_json()
    assert live["live"] is True and live["url"] and live["token"], live

print(flask("close"))
