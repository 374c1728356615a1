"""Lobby signage player.

    python -m signage.player open       # at 08:00
    python -m signage.player ping       # cron, every 4 minutes
    python -m signage.player close      # at 20:00
"""
import os
import sys

from . import api, state

PLAYLIST = [
    "Welcome to the north lobby.",
    "Visitor badges are at the front desk.",
]


def open_screen():
    data = api.open_session(os.environ["SIGNAGE_AVATAR"])
    rec = state.save(data)
    for line in PLAYLIST:
        api.say(rec["session_id"], line)
    return rec


def ping():
    rec = state.load()
    if rec is None:
        print("no session on file")
        return False
    body = api.keep_alive(rec["session_id"])
    if body.get("code") != 100:
        print("keep_alive refused, dropping state:", body)
        state.clear()
        return False
    return True


def close_screen():
    rec = state.load()
    if rec is None:
        return False
    api.close(rec["session_id"])
    state.clear()
    return True


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "ping"
    ok = {"open": open_screen, "ping": ping, "close": close_screen}[cmd]()
    sys.exit(0 if ok else 1)
