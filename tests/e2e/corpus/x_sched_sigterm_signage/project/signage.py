#!/usr/bin/env python3
"""Lobby signage: a systemd service that plays a timed playlist through a streaming avatar.

The playlist (JSON) lists lines with their offset in seconds from the start of the loop; the
avatar is kept alive between lines. `systemctl stop signage` sends SIGTERM: the handler
cancels whatever is still queued, closes the HeyGen session and exits cleanly so the avatar
does not keep burning credits.

    [Service]
    ExecStart=/usr/bin/python3 /opt/signage/signage.py /etc/signage/playlist.json
"""
import json
import os
import sched
import signal
import sys
import time

import urllib3

API = "https://api.heygen.com/v1/streaming"
HEADERS = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
KEEPALIVE_EVERY = float(os.environ.get("SIGNAGE_KEEPALIVE", "0.15"))

scheduler = sched.scheduler(time.monotonic, time.sleep)
state = {"session_id": None, "room": None}


def call(op, body):
    # urllib3 2.x top-level request(): pooled, no Session object needed
    resp = urllib3.request("POST", f"{API}.{op}", json=body, headers=HEADERS, timeout=20.0)
    if resp.status >= 400:
        raise RuntimeError(f"streaming.{op} failed: {resp.status} {resp.data[:200]!r}")
    return resp.json()


def open_avatar(avatar_id):
    created = call("new", {"avatar_id": avatar_id, "quality": "low", "version": "v2", "activity_idle_timeout": 300})
    state["session_id"] = created["data"]["session_id"]
    call("start", {"session_id": state["session_id"]})
    state["room"] = (created["data"]["url"], created["data"]["access_token"])
    return state["room"]


def say(text):
    call("task", {"session_id": state["session_id"], "text": text, "task_type": "repeat"})


def keep_alive():
    call("keep_alive", {"session_id": state["session_id"]})


def close_avatar():
    sid, state["session_id"] = state["session_id"], None
    if sid:
        call("stop", {"session_id": sid})


def on_sigterm(signum, frame):
    for event in list(scheduler.queue):
        scheduler.cancel(event)
    close_avatar()
    sys.exit(0)


def schedule(playlist, t0):
    """Lines at their offsets, keep-alives on a fixed grid in between (absolute times, so a
    slow call never reorders them)."""
    last = 0.0
    for item in playlist["lines"]:
        scheduler.enterabs(t0 + item["at"], 1, say, (item["text"],))
        last = max(last, item["at"])
    tick = KEEPALIVE_EVERY
    while tick < last:
        scheduler.enterabs(t0 + tick, 2, keep_alive)
        tick += KEEPALIVE_EVERY


def play(playlist_path, on_room=None):
    with open(playlist_path) as f:
        playlist = json.load(f)
    room = open_avatar(playlist.get("avatar_id") or os.environ["SIGNAGE_AVATAR_ID"])
    if on_room:
        on_room(*room)
    schedule(playlist, time.monotonic())
    scheduler.run()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGTERM, on_sigterm)
    signal.signal(signal.SIGINT, on_sigterm)
    play(argv[0] if argv else "playlist.json")
    # the loop is over; stay on screen until systemd stops us
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
