"""Console for the front desk: type what the visitor says; /commands call a tool directly."""

from __future__ import annotations

import json
import logging
import sys

from concierge.agent import Concierge
from concierge.tools import dispatch

HELP = "commands: /start, /ping, /stop, /quit; anything else is what the visitor said"


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    bot = Concierge()
    print(HELP)
    started = False
    try:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            if line == "/quit":
                break
            if line == "/start":
                info = json.loads(dispatch("start_avatar"))
                started = True
                print(f"lobby screen: {info['livekit_url']} token={info['token']}")
            elif line == "/ping":
                print(dispatch("keep_awake"))
            elif line == "/stop":
                print(dispatch("end_avatar"))
                started = False
            else:
                for out in bot.handle(line):
                    print(" ->", out)
    finally:
        if started:
            print(dispatch("end_avatar"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
