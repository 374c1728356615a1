#!/usr/bin/env python3
"""avatarctl: drive the lobby kiosk's HeyGen avatar from a shell (or cron).

    avatarctl open            start a session (kept in a shelve file between runs)
    avatarctl link            print the viewer link for the lobby screen
    avatarctl say TEXT...     make the avatar say something
    avatarctl ping            keep the session alive
    avatarctl close           end the session
"""
import argparse
import shelve
import sys
import time

import requests

import avatar_config as cfg

HEADERS = {"x-api-key": cfg.HEYGEN_API_KEY, "content-type": "application/json"}


def fail(msg):
    print(f"avatarctl: {msg}", file=sys.stderr)
    return 1


def current(db):
    session = db.get("session")
    if session is None:
        raise SystemExit(fail("no open session (run `avatarctl open`)"))
    return session


def cmd_open(args):
    with shelve.open(cfg.STATE_FILE) as db:
        if "session" in db and not args.force:
            return fail(f"session {db['session']['session_id']} is still open (use --force)")
        r = requests.post(
            cfg.HEYGEN_BASE_URL + "/streaming.new",
            headers=HEADERS,
            json={"avatar_id": args.avatar or cfg.AVATAR_ID, "quality": cfg.QUALITY,
                  "language": cfg.LANGUAGE, "version": "v2"},
            timeout=30,
        )
        r.raise_for_status()
        data = r.json()["data"]
        r = requests.post(cfg.HEYGEN_BASE_URL + "/streaming.start", headers=HEADERS,
                          json={"session_id": data["session_id"]}, timeout=30)
        r.raise_for_status()
        db["session"] = data
        db["opened_at"] = time.time()
        print(data["session_id"])
    return 0


def cmd_link(args):
    with shelve.open(cfg.STATE_FILE) as db:
        session = current(db)
        print(cfg.VIEWER.format(url=session["url"], token=session["access_token"]))
    return 0


def cmd_say(args):
    text = " ".join(args.text)
    with shelve.open(cfg.STATE_FILE) as db:
        session = current(db)
        r = requests.post(cfg.HEYGEN_BASE_URL + "/streaming.task", headers=HEADERS,
                          json={"session_id": session["session_id"], "text": text,
                                "task_type": "repeat"}, timeout=30)
        r.raise_for_status()
    return 0


def cmd_ping(args):
    with shelve.open(cfg.STATE_FILE) as db:
        session = current(db)
        r = requests.post(cfg.HEYGEN_BASE_URL + "/streaming.keep_alive", headers=HEADERS,
                          json={"session_id": session["session_id"]}, timeout=30)
        r.raise_for_status()
        age = time.time() - db["opened_at"]
        print(f"alive ({age:.0f}s)")
    return 0


def cmd_close(args):
    with shelve.open(cfg.STATE_FILE) as db:
        session = current(db)
        r = requests.post(cfg.HEYGEN_BASE_URL + "/streaming.stop", headers=HEADERS,
                          json={"session_id": session["session_id"]}, timeout=30)
        r.raise_for_status()
        del db["session"]
        print("closed")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="avatarctl", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("open")
    p.add_argument("--avatar")
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_open)
    sub.add_parser("link").set_defaults(func=cmd_link)
    p = sub.add_parser("say")
    p.add_argument("text", nargs="+")
    p.set_defaults(func=cmd_say)
    sub.add_parser("ping").set_defaults(func=cmd_ping)
    sub.add_parser("close").set_defaults(func=cmd_close)
    args = parser.parse_args(argv)
    if not cfg.HEYGEN_API_KEY:
        return fail("HEYGEN_API_KEY is not set")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
