"""avatar-cli: run a scripted HeyGen streaming avatar demo, or inspect sessions.

    python avatar_cli.py demo --avatar Anna_public_3_20240108 --say "Hi" --ask "What is new?"
    python avatar_cli.py sessions
"""
import argparse
import json
import os
import sys

import requests

from models import NewSessionResponse, SessionListResponse, TaskResponse

API = "https://api.heygen.com/v1"


def _headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"}


def open_session(avatar, kb=None):
    payload = {"avatar_id": avatar, "version": "v2", "quality": "medium"}
    if kb:
        payload["knowledge_base_id"] = kb
    resp = requests.post(f"{API}/streaming.new", headers=_headers(), json=payload, timeout=30)
    resp.raise_for_status()
    session = NewSessionResponse.model_validate(resp.json()).data
    requests.post(f"{API}/streaming.start", headers=_headers(),
                  json={"session_id": session.session_id}, timeout=30).raise_for_status()
    return session


def task(session_id, text, kind):
    resp = requests.post(f"{API}/streaming.task", headers=_headers(),
                         json={"session_id": session_id, "text": text, "task_type": kind}, timeout=60)
    resp.raise_for_status()
    return TaskResponse.model_validate(resp.json())


def close(session_id):
    requests.post(f"{API}/streaming.stop", headers=_headers(),
                  json={"session_id": session_id}, timeout=30).raise_for_status()


def cmd_demo(args, on_room=None):
    session = open_session(args.avatar, args.kb)
    print(json.dumps({"url": session.livekit_url, "token": session.viewer_token}))
    if on_room:
        on_room(session.livekit_url, session.viewer_token)
    try:
        for line in args.say:
            task(session.session_id, line, "repeat")
        for q in args.ask:
            task(session.session_id, q, "talk")
    finally:
        close(session.session_id)
    return 0


def cmd_sessions(args, on_room=None):
    resp = requests.get(f"{API}/streaming.list", headers=_headers(), timeout=30)
    resp.raise_for_status()
    listing = SessionListResponse.model_validate(resp.json())
    for s in listing.sessions:
        print(f"{s.session_id}\t{s.status}\t{s.created_at}")
    return 0


def build_parser():
    p = argparse.ArgumentParser(prog="avatar-cli")
    sub = p.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="open a session and run a short script")
    demo.add_argument("--avatar", default=os.environ.get("CLI_AVATAR_ID", "Anna_public_3_20240108"))
    demo.add_argument("--kb", default=os.environ.get("CLI_KB_ID"))
    demo.add_argument("--say", action="append", default=[])
    demo.add_argument("--ask", action="append", default=[])
    demo.set_defaults(func=cmd_demo)
    ls = sub.add_parser("sessions", help="list active streaming sessions")
    ls.set_defaults(func=cmd_sessions)
    return p


def main(argv=None, on_room=None):
    args = build_parser().parse_args(argv)
    return args.func(args, on_room=on_room)


if __name__ == "__main__":
    sys.exit(main())
