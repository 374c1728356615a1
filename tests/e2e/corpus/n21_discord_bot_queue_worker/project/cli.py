"""Operator CLI: open a room, speak, close it, without Discord."""

import argparse
import asyncio
import sys

from heygen import StreamingClient
from settings import Settings


def main(argv=None):
    parser = argparse.ArgumentParser(prog="avatar-cli")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("demo")
    say = sub.add_parser("say")
    say.add_argument("text")
    args = parser.parse_args(argv)
    client = StreamingClient(Settings.from_env())
    session_id, url, token = client.open_session()
    print(f"session {session_id} url={url}")
    text = args.text if args.cmd == "say" else "Hello from the operator console"
    asyncio.run(client.speak(session_id, text))
    client.close_session(session_id)
    return session_id, url, token


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
