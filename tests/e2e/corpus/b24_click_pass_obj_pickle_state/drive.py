"""Someone at a shell: one `python -m avatarcli ...` process per command."""

import subprocess
import sys

import e2e_support


def cli(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "avatarcli", *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


print(cli("open"))
url, token = cli("url").split()
e2e_support.viewer.join(url, token)
print(cli("say", "Hello", "from", "the", "terminal."))
print(cli("say", "--chat", "What", "can", "you", "do?"))
cli("hush")
print(cli("close"))
