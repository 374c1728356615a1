"""The current session lives in a small JSON file between invocations."""
import json
import os
from pathlib import Path


def state_path():
    return Path(os.environ.get("AVATARCLI_STATE", ".avatar-session.json"))


def load():
    p = state_path()
    if not p.exists():
        return None
    return json.loads(p.read_text())


def save(session):
    state_path().write_text(json.dumps(session, indent=2))


def clear():
    p = state_path()
    if p.exists():
        p.unlink()
