"""hgcli: HeyGen interactive avatar from the terminal.

    python -m hgcli new --avatar Wayne_20240711 > session.json
    python -m hgcli speak -s $(jq -r .session_id session.json) "Hello"
    python -m hgcli stop -s ...
"""
import argparse
import os
import sys

from dotenv import load_dotenv

from .api import HeyGenAPI, HeyGenAPIError
from .commands import cmd_interrupt, cmd_keepalive, cmd_new, cmd_speak, cmd_stop


def build_parser():
    p = argparse.ArgumentParser(prog="hgcli")
    sub = p.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="create and start a session, print it as JSON")
    new.add_argument("--avatar", default=os.getenv("HGCLI_AVATAR", "Wayne_20240711"))
    new.add_argument("--quality", choices=["low", "medium", "high"], default="medium")
    new.add_argument("--voice")
    new.add_argument("--rate", type=float, default=1.0)
    new.set_defaults(func=cmd_new)

    speak = sub.add_parser("speak")
    speak.add_argument("-s", "--session", required=True)
    speak.add_argument("--talk", action="store_true", help="answer with the LLM instead of repeating")
    speak.add_argument("text", nargs="*")
    speak.set_defaults(func=cmd_speak)

    for name, func in (("interrupt", cmd_interrupt), ("keepalive", cmd_keepalive), ("stop", cmd_stop)):
        sp = sub.add_parser(name)
        sp.add_argument("-s", "--session", required=True)
        sp.set_defaults(func=func)
    return p


def main(argv=None):
    load_dotenv()
    args = build_parser().parse_args(argv)
    key = os.getenv("HEYGEN_API_KEY")
    if not key:
        print("HEYGEN_API_KEY is not set (see .env.example)", file=sys.stderr)
        return 2
    with HeyGenAPI(key) as api:
        try:
            return args.func(api, args)
        except HeyGenAPIError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
