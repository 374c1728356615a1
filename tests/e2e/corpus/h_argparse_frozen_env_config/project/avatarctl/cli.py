from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Sequence

from . import __version__, api
from .config import Config


def cmd_present(cfg: Config, args: argparse.Namespace) -> int:
    lines = [line.strip() for line in pathlib.Path(args.script).read_text().splitlines() if line.strip()]
    info = api.new_session(cfg)
    session_id = info["session_id"]
    print(f"session {session_id}")
    print(f"viewer: https://meet.livekit.io/custom?liveKitUrl={info['url']}&token={info['access_token']}")
    api.start_session(cfg, session_id)
    try:
        for n, line in enumerate(lines, start=1):
            if line.startswith("?"):
                task_id = api.send_task(cfg, session_id, line[1:].strip(), task_type="talk")
            else:
                task_id = api.send_task(cfg, session_id, line)
            print(f"[{n}/{len(lines)}] task {task_id}")
            if args.keep_alive_every and n % args.keep_alive_every == 0:
                api.keep_alive(cfg, session_id)
    finally:
        api.stop_session(cfg, session_id)
    return 0


def cmd_sessions(cfg: Config, args: argparse.Namespace) -> int:
    sessions = api.list_sessions(cfg)
    for s in sessions:
        print(f"{s['session_id']}  {s.get('status', '?')}")
    print(f"{len(sessions)} open")
    return 0


def cmd_stop(cfg: Config, args: argparse.Namespace) -> int:
    ids = [s["session_id"] for s in api.list_sessions(cfg)] if args.all else args.session_ids
    for session_id in ids:
        api.stop_session(cfg, session_id)
        print(f"stopped {session_id}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="avatarctl", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    present = sub.add_parser("present", help="speak a script, one line per task")
    present.add_argument("script")
    present.add_argument("--keep-alive-every", type=int, default=0, metavar="N")
    present.set_defaults(func=cmd_present)

    sessions = sub.add_parser("sessions", help="list open streaming sessions")
    sessions.set_defaults(func=cmd_sessions)

    stop = sub.add_parser("stop", help="stop sessions")
    stop.add_argument("session_ids", nargs="*")
    stop.add_argument("--all", action="store_true")
    stop.set_defaults(func=cmd_stop)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cfg = Config.from_env()
    try:
        return args.func(cfg, args)
    except api.APIError as exc:
        print(f"avatarctl: {exc}", file=sys.stderr)
        return 1
