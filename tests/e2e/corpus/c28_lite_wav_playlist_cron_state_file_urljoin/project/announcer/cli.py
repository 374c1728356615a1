"""Station announcer: one command per cron run, state kept in a JSON file."""
import argparse
import json
import logging
import os

from . import api, playlist

log = logging.getLogger("announcer")
STATE = os.environ.get("ANNOUNCER_STATE", "/var/lib/announcer/state.json")


def load_state():
    with open(STATE) as fh:
        return json.load(fh)


def save_state(state):
    tmp = STATE + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(state, fh)
    os.replace(tmp, STATE)


def cmd_open(args):
    data = api.post("streaming.new", {"avatar_id": args.avatar, "version": "v2", "quality": "medium"})
    api.post("streaming.start", {"session_id": data["session_id"]})
    save_state(
        {
            "session_id": data["session_id"],
            "realtime": data["realtime_endpoint"],
            "viewer_url": data["url"],
            "viewer_token": data["access_token"],
        }
    )
    log.info("opened %s", data["session_id"])


def cmd_play(args):
    playlist.play(load_state()["realtime"], args.wav)


def cmd_ping(args):
    api.post("streaming.keep_alive", {"session_id": load_state()["session_id"]})


def cmd_close(args):
    state = load_state()
    api.post("streaming.stop", {"session_id": state["session_id"]})
    os.remove(STATE)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="announcer")
    sub = parser.add_subparsers(dest="command", required=True)
    p_open = sub.add_parser("open")
    p_open.add_argument("--avatar", default=os.environ.get("ANNOUNCER_AVATAR"))
    p_open.set_defaults(func=cmd_open)
    p_play = sub.add_parser("play")
    p_play.add_argument("wav", nargs="+")
    p_play.set_defaults(func=cmd_play)
    sub.add_parser("ping").set_defaults(func=cmd_ping)
    sub.add_parser("close").set_defaults(func=cmd_close)
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except api.ApiError as exc:
        log.error("%s", exc)
        return 1
    return 0
