"""Stop interactive-avatar sessions that outlived their welcome.

    python -m ops.sweeper --max-age 900 --keep <session id> --dry-run
"""
import argparse
import datetime as dt
import json
import logging
import sys
import time

from .http import API, check, make_session

log = logging.getLogger("sweeper")


def active_sessions(s):
    return check(s.get(f"{API}/v1/streaming.list"))["data"]["sessions"]


def stale(sessions, max_age, keep, now=None):
    now = now or time.time()
    for session in sessions:
        if session["session_id"] in keep:
            continue
        age = now - session["created_at"]
        if age > max_age:
            yield session, int(age)


def audit(path, **row):
    row["at"] = dt.datetime.now(dt.timezone.utc).isoformat()
    with open(path, "a") as fh:
        fh.write(json.dumps(row) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-age", type=int, default=900, help="seconds")
    parser.add_argument("--keep", action="append", default=[])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--log", default="sweeper-audit.jsonl")
    args = parser.parse_args(argv)

    s = make_session()
    count = 0
    for session, age in stale(active_sessions(s), args.max_age, set(args.keep)):
        count += 1
        if args.dry_run:
            print(f"would stop {session['session_id']} (age {age}s)")
            continue
        check(s.post(f"{API}/v1/streaming.stop", json={"session_id": session["session_id"]}))
        audit(args.log, action="stopped", session_id=session["session_id"], age=age)
        log.info("stopped %s", session["session_id"])
    return count


if __name__ == "__main__":
    sys.exit(0 if main() >= 0 else 1)
