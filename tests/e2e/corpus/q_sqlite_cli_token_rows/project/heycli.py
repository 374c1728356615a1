#!/usr/bin/env python3
"""heycli - talk to a HeyGen interactive avatar from the terminal.

usage: heycli.py open | say TEXT | ask QUESTION | ping | close
"""
import json
import os
import sys

import requests

import db

BASE = "https://api.heygen.com/v1"
API_KEY = os.getenv("HEYGEN_API_KEY", "")
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.getenv("HEYGEN_KB_ID")


def _bearer(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def get_token():
    r = requests.post(f"{BASE}/streaming.create_token", headers={"X-Api-Key": API_KEY}, timeout=15)
    r.raise_for_status()
    return r.json()["data"]["token"]


def post(token, endpoint, payload):
    r = requests.post(f"{BASE}/{endpoint}", headers=_bearer(token), json=payload, timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def current():
    row = db.latest_session()
    if row is None:
        print("no open session, run `heycli.py open`", file=sys.stderr)
        sys.exit(1)
    return row


def cmd_open(args):
    token = get_token()
    payload = {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"}
    if KB_ID:
        payload["knowledge_base_id"] = KB_ID
    info = post(token, "streaming.new", payload)
    post(token, "streaming.start", {"session_id": info["session_id"]})
    db.save_session(info["session_id"], token)
    print(json.dumps({"url": info["url"], "access_token": info["access_token"]}))


def cmd_say(args):
    row = current()
    data = post(row["token"], "streaming.task", {"session_id": row["session_id"], "text": " ".join(args), "task_type": "repeat"})
    print("spoke", data["task_id"])


def cmd_ask(args):
    row = current()
    data = post(row["token"], "streaming.task", {"session_id": row["session_id"], "text": " ".join(args), "task_type": "chat"})
    print("asked", data["task_id"])


def cmd_ping(args):
    row = current()
    post(row["token"], "streaming.keep_alive", {"session_id": row["session_id"]})
    print("pong")


def cmd_close(args):
    row = db.latest_session()
    if row is None:
        print("nothing to close")
        return
    post(row["token"], "streaming.stop", {"session_id": row["session_id"]})
    db.delete_session(row["id"])
    print("closed", row["session_id"])


COMMANDS = {
    "open": cmd_open,
    "say": cmd_say,
    "ask": cmd_ask,
    "ping": cmd_ping,
    "close": cmd_close,
}


def main(argv):
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    COMMANDS[argv[0]](argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
