#!/usr/bin/env python3
# kiosk.py -- quick avatar control for the reception kiosk
#
#   ./kiosk.py start            opens a session, remembers it in kiosk.pickle
#   ./kiosk.py link             prints "<url> <token>" for the kiosk browser
#   ./kiosk.py say Hello there  repeat a line
#   ./kiosk.py stop
#
# (cron runs `./kiosk.py ping` every 5 minutes while the kiosk is on)
import os
import pickle
import sys

import requests

KEY = os.environ["HEYGEN_API_KEY"]
BASE = "https://api.heygen.com/v1/"
STATE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kiosk.pickle")
AVATAR = os.environ.get("KIOSK_AVATAR", "Wayne_20240711")


def heygen(endpoint, body):
    r = requests.post(BASE + endpoint, json=body,
                      headers={"Authorization": "Bearer " + KEY}, timeout=30)
    if r.status_code != 200:
        sys.exit("%s failed: %s %s" % (endpoint, r.status_code, r.text))
    return r.json()["data"]


def cmd_start(args):
    if os.path.exists(STATE_FILE):
        sys.exit("already started (rm %s if that is wrong)" % STATE_FILE)
    session = heygen("streaming.new", {"avatar_id": AVATAR, "quality": "high", "version": "v2",
                                       "disable_idle_timeout": False})
    heygen("streaming.start", {"session_id": session["session_id"]})
    with open(STATE_FILE, "wb") as f:
        pickle.dump(session, f)
    print(session["session_id"])


def _session():
    with open(STATE_FILE, "rb") as f:
        return pickle.load(f)


def cmd_link(args):
    s = _session()
    print(s["url"], s["access_token"])


def cmd_say(args):
    heygen("streaming.task", {"session_id": _session()["session_id"], "text": " ".join(args),
                              "task_type": "repeat"})


def cmd_ping(args):
    heygen("streaming.keep_alive", {"session_id": _session()["session_id"]})


def cmd_stop(args):
    heygen("streaming.stop", {"session_id": _session()["session_id"]})
    os.remove(STATE_FILE)


if __name__ == "__main__":
    if len(sys.argv) < 2 or "cmd_" + sys.argv[1] not in globals():
        sys.exit(__doc__ or "usage: kiosk.py start|link|say|ping|stop")
    globals()["cmd_" + sys.argv[1]](sys.argv[2:])
