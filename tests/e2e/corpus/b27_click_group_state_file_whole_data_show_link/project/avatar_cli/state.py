import json
import os
from pathlib import Path

STATE_FILE = Path(os.environ.get("AVATAR_STATE", Path.home() / ".avatar-cli.json"))


def save(data):
    STATE_FILE.write_text(json.dumps(data, indent=2))


def load():
    if not STATE_FILE.exists():
        return None
    return json.loads(STATE_FILE.read_text())


def clear():
    STATE_FILE.unlink(missing_ok=True)
