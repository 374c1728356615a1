"""Command line: `python -m presenter.cli render script.txt` or `... live script.txt`."""
import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .live import LivePresenter
from .utils.http import HeyGenError
from .video import render, wait_for


def _lines(path):
    text = Path(path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def cmd_render(args):
    lines = _lines(args.script)
    video_id = render(" ".join(lines), title=args.title or Path(args.script).stem)
    print(f"rendering {video_id} ...")
    print(wait_for(video_id))
    return 0


def cmd_live(args, on_ready=None):
    presenter = LivePresenter(quality=args.quality)
    url, token = presenter.open()
    print(f"LiveKit room: {url}")
    if on_ready is not None:
        on_ready(url, token)
    try:
        for line in _lines(args.script):
            presenter.say(line)
    finally:
        presenter.close()
    return 0


def build_parser():
    parser = argparse.ArgumentParser(prog="presenter")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    p_render = sub.add_parser("render", help="render a video from a script")
    p_render.add_argument("script")
    p_render.add_argument("--title")
    p_render.set_defaults(func=cmd_render)
    p_live = sub.add_parser("live", help="present a script live")
    p_live.add_argument("script")
    p_live.add_argument("--quality", choices=["low", "medium", "high"], default="medium")
    p_live.set_defaults(func=cmd_live)
    return parser


def main(argv=None, on_ready=None):
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    try:
        if args.func is cmd_live:
            return cmd_live(args, on_ready=on_ready)
        return args.func(args)
    except HeyGenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
