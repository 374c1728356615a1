#!/usr/bin/env python3
"""avatar.py - drive a HeyGen streaming avatar from the shell.

    avatar.py open [--avatar ID] [--quality low|medium|high]
    avatar.py say TEXT... [--chat]
    avatar.py ping
    avatar.py stop

The open session is remembered in a small JSON state file between invocations.
"""
import argparse
import json
import os
import sys
from pathlib import Path

import requests

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")
STATE_FILE = Path(os.environ.get("AVATAR_STATE_FILE", ".avatar-session.json"))


def auth():
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        sys.exit("HEYGEN_API_KEY is not set")
    return {"Authorization": f"Bearer {key}"}


def call(endpoint, body):
    resp = requests.post(f"{BASE_URL}/v1/{endpoint}", headers=auth(), json=body, timeout=30)
    if resp.status_code != 200:
        sys.exit(f"{endpoint} failed: {resp.status_code} {resp.text}")
    return resp.json()["data"]


def load_state():
    if not STATE_FILE.exists():
        sys.exit("no open session: run `avatar.py open` first")
    return json.loads(STATE_FILE.read_text())


def cmd_open(args):
    body = {"avatar_id": args.avatar, "quality": args.quality, "version": "v2"}
    if args.kb:
        body.update(knowledge_base_id=args.kb)
    data = call("streaming.new", body)
    call("streaming.start", {"session_id": data["session_id"]})
    STATE_FILE.write_text(json.dumps({"session_id": data["session_id"]}))
    print(json.dumps({"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}))


def cmd_say(args):
    state = load_state()
    data = call(
        "streaming.task",
        {
            "session_id": state["session_id"],
            "text": " ".join(args.text),
            "task_type": "chat" if args.chat else "repeat",
        },
    )
    print(f"task {data['task_id']}")


def cmd_ping(args):
    call("streaming.keep_alive", {"session_id": load_state()["session_id"]})
    print("alive")


def cmd_stop(args):
    state = load_state()
    call("streaming.stop", {"session_id": state["session_id"]})
    STATE_FILE.unlink()
    print("stopped")


def build_parser():
    parser = argparse.ArgumentParser(prog="avatar.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p_open = sub.add_parser("open", help="create and start a session")
    p_open.add_argument("--avatar", default=os.environ.get("AVATAR_ID", "Anna_public_3_20240108"))
    p_open.add_argument("--quality", choices=["low", "medium", "high"], default="medium")
    p_open.add_argument("--kb", default=os.environ.get("KNOWLEDGE_BASE_ID"))
    p_open.set_defaults(func=cmd_open)

    p_say = sub.add_parser("say", help="make the avatar speak")
    p_say.add_argument("text", nargs="+")
    p_say.add_argument("--chat", action="store_true", help="answer with the knowledge base")
    p_say.set_defaults(func=cmd_say)

    sub.add_parser("ping", help="keep the session alive").set_defaults(func=cmd_ping)
    sub.add_parser("stop", help="close the session").set_defaults(func=cmd_stop)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
