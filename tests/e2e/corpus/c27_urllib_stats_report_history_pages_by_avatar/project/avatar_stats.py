#!/usr/bin/env python3
"""Print usage stats of our HeyGen interactive avatars (active sessions, history)."""
import argparse
import collections
import json
import os
import sys
import urllib.error
import urllib.request
from urllib.parse import urlencode

BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")


def fetch(path, **params):
    url = BASE + path
    if params:
        url += "?" + urlencode(params)
    req = urllib.request.Request(url, headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as err:
        sys.exit(f"{path}: HTTP {err.code}")


def active():
    body = fetch("/v1/streaming.list")
    counts = collections.Counter(s["status"] for s in body["data"]["sessions"])
    return dict(counts)


def history(page_size=2):
    rows = []
    params = {"page_size": page_size}
    while True:
        body = fetch("/v2/streaming.list", **params)
        rows.extend(body["data"])
        token = body.get("next_pagination_token")
        if not token:
            return rows
        params["token"] = token


def report(out=sys.stdout):
    minutes = collections.defaultdict(float)
    for row in history():
        minutes[row["avatar_id"]] += row["duration"] / 60
    for avatar, total in sorted(minutes.items()):
        print(f"{avatar:40s} {total:8.1f} min", file=out)
    return dict(minutes)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["active", "report"])
    args = parser.parse_args(argv)
    if args.what == "active":
        print(json.dumps(active()))
    else:
        report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
