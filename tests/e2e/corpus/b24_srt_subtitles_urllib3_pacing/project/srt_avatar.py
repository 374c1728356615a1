#!/usr/bin/env python3
"""Play an .srt subtitle file through a HeyGen streaming avatar, keeping the cue timing.

    python srt_avatar.py welcome.srt [--speed 4] [--avatar ID]

Each cue is sent as a `repeat` task when its start time comes; a gap longer than
KEEPALIVE_GAP seconds gets a keep_alive so the session does not idle out.
"""
import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass

import urllib3

HEYGEN = "https://api.heygen.com"
KEEPALIVE_GAP = 3.0
CUE = re.compile(
    r"(\d+)\s*\n(\d\d):(\d\d):(\d\d)[,.](\d{3}) --> [^\n]+\n(.+?)(?:\n\s*\n|\Z)", re.S
)

http = urllib3.PoolManager(retries=urllib3.Retry(total=3, backoff_factor=0.3), timeout=30.0)


@dataclass
class Cue:
    index: int
    start: float
    text: str


def parse_srt(text):
    cues = []
    for m in CUE.finditer(text.replace("\r\n", "\n")):
        h, mi, s, ms = (int(g) for g in m.group(2, 3, 4, 5))
        body = " ".join(line.strip() for line in m.group(6).splitlines() if line.strip())
        cues.append(Cue(int(m.group(1)), h * 3600 + mi * 60 + s + ms / 1000, body))
    return cues


def api(endpoint, **fields):
    r = http.request(
        "POST",
        f"{HEYGEN}/v1/{endpoint}",
        body=json.dumps(fields).encode(),
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"},
    )
    payload = json.loads(r.data.decode("utf-8"))
    if r.status >= 400 or payload.get("code") != 100:
        raise SystemExit(f"{endpoint} failed: {r.status} {payload}")
    return payload["data"]


def play(cues, avatar_id, speed=1.0, on_ready=None):
    info = api("streaming.new", avatar_id=avatar_id, quality="medium", version="v2")
    sid = info["session_id"]
    api("streaming.start", session_id=sid)
    if on_ready:
        on_ready(info["url"], info["access_token"])
    else:
        print(f"viewer: {info['url']} {info['access_token']}", flush=True)
    t0 = time.monotonic()
    last = 0.0
    try:
        for cue in cues:
            due = cue.start / speed
            if due - last > KEEPALIVE_GAP / speed:
                api("streaming.keep_alive", session_id=sid)
            wait = due - (time.monotonic() - t0)
            if wait > 0:
                time.sleep(wait)
            api("streaming.task", session_id=sid, text=cue.text, task_type="repeat")
            print(f"[{cue.index}] {cue.text}", flush=True)
            last = due
    finally:
        api("streaming.stop", session_id=sid)
    return len(cues)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("srt")
    parser.add_argument("--speed", type=float, default=1.0, help="play faster (for rehearsals)")
    parser.add_argument("--avatar", default=os.environ.get("SRT_AVATAR_ID", "Wayne_20240711"))
    args = parser.parse_args(argv)
    with open(args.srt, encoding="utf-8-sig") as fh:
        cues = parse_srt(fh.read())
    if not cues:
        print("no cues found", file=sys.stderr)
        return 1
    play(cues, args.avatar, speed=args.speed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
