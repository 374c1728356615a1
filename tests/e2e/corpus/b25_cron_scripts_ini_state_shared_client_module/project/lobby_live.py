"""Cron: the lobby's live avatar. `open` in the morning, `ping` every 5 minutes, `close` at 6pm;
`say TEXT` for the front desk. Session state lives in a small INI file between runs."""
import argparse
import configparser
import logging
import os
import sys

import heygen_client


def _settings():
    cfg = configparser.ConfigParser()
    cfg.read("lobby.ini")
    return cfg


def _state_path(cfg):
    return cfg["lobby"].get("state_file", ".lobby-state.ini")


def _load_state(cfg):
    state = configparser.ConfigParser()
    if not state.read(_state_path(cfg)) or not state.has_section("session"):
        raise SystemExit("no live session: run `lobby_live.py open` first")
    return state["session"]


def cmd_open(cfg, args):
    data = heygen_client.open_live(os.environ["LOBBY_AVATAR"], os.environ.get("LOBBY_KB"))
    state = configparser.ConfigParser()
    state["session"] = {"id": data["session_id"], "livekit_url": data["url"], "livekit_token": data["access_token"]}
    with open(_state_path(cfg), "w") as fh:
        state.write(fh)
    heygen_client.announce(data["session_id"], cfg["lobby"]["greeting"])
    print(data["session_id"])


def cmd_screen(cfg, args):
    """Printed for the lobby screen's kiosk browser: `<url> <token>`."""
    session = _load_state(cfg)
    print(session["livekit_url"], session["livekit_token"])


def cmd_say(cfg, args):
    heygen_client.announce(_load_state(cfg)["id"], " ".join(args.text))


def cmd_ping(cfg, args):
    heygen_client.keep_alive(_load_state(cfg)["id"])


def cmd_close(cfg, args):
    session = _load_state(cfg)
    heygen_client.announce(session["id"], cfg["lobby"]["closing"])
    heygen_client.close_live(session["id"])
    os.remove(_state_path(cfg))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="lobby_live")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("open", "screen", "ping", "close"):
        sub.add_parser(name)
    say = sub.add_parser("say")
    say.add_argument("text", nargs="+")
    args = parser.parse_args(argv)
    handler = {"open": cmd_open, "screen": cmd_screen, "say": cmd_say, "ping": cmd_ping, "close": cmd_close}[args.command]
    handler(_settings(), args)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
