#!/usr/bin/env python3
"""avatarctl: drive a HeyGen streaming avatar from the shell.

    avatarctl new --avatar Wayne_20240711
    avatarctl speak "Hello there"
    avatarctl speak --file lines.txt
    avatarctl list
    avatarctl stop
"""
import argparse
import json
import os
import sys
from pathlib import Path

import requests

API = os.environ.get("HEYGEN_API", "https://api.heygen.com")
STATE = Path(os.environ.get("AVATARCTL_STATE", ".avatarctl.json"))


def die(msg, code=1):
    print(f"avatarctl: {msg}", file=sys.stderr)
    sys.exit(code)


def api_key():
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        die("HEYGEN_API_KEY is not set")
    return key


def call(method, path, body=None):
    resp = requests.request(
        method,
        API + path,
        headers={"Authorization": "Bearer " + api_key()},
        json=body,
        timeout=30,
    )
    if not resp.ok:
        die(f"{path} failed with HTTP {resp.status_code}: {resp.text[:200]}")
    return resp.json()


def load_state():
    if not STATE.exists():
        die("no session; run `avatarctl new` first")
    return json.loads(STATE.read_text())


def cmd_new(args):
    body = {"avatar_id": args.avatar, "quality": args.quality, "version": "v2"}
    if args.voice:
        body["voice"] = {"voice_id": args.voice, "rate": args.rate}
    info = call("POST", "/v1/streaming.new", body)["data"]
    call("POST", "/v1/streaming.start", {"session_id": info["session_id"]})
    STATE.write_text(json.dumps({"session_id": info["session_id"]}))
    print(f"session  {info['session_id']}")
    print(f"livekit  {info['url']}")
    print(f"token    {info['access_token']}")


def cmd_speak(args):
    sid = load_state()["session_id"]
    lines = [args.text] if args.text else Path(args.file).read_text().splitlines()
    for line in filter(None, (l.strip() for l in lines)):
        call("POST", "/v1/streaming.task", {"session_id": sid, "text": line, "task_type": "repeat", "task_mode": "sync"})
        print(f"said: {line}")


def cmd_list(args):
    sessions = call("GET", "/v1/streaming.list")["data"]["sessions"]
    if not sessions:
        print("no active sessions")
    for s in sessions:
        print(f"{s['session_id']}  {s['status']}")


def cmd_stop(args):
    sid = load_state()["session_id"]
    call("POST", "/v1/streaming.stop", {"session_id": sid})
    STATE.unlink()
    print(f"stopped {sid}")


def build_parser():
    p = argparse.ArgumentParser(prog="avatarctl")
    sub = p.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="create and start a session")
    new.add_argument("--avatar", default=os.environ.get("AVATAR_ID", "Wayne_20240711"))
    new.add_argument("--quality", choices=["low", "medium", "high"], default="medium")
    new.add_argument("--voice")
    new.add_argument("--rate", type=float, default=1.0)
    new.set_defaults(func=cmd_new)

    speak = sub.add_parser("speak", help="make the avatar say something")
    group = speak.add_mutually_exclusive_group(required=True)
    group.add_argument("text", nargs="?")
    group.add_argument("--file")
    speak.set_defaults(func=cmd_speak)

    sub.add_parser("list", help="list active sessions").set_defaults(func=cmd_list)
    sub.add_parser("stop", help="stop the current session").set_defaults(func=cmd_stop)
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
