#!/usr/bin/env python3
"""heygen_ops.py -- small ops toolbox for our HeyGen streaming account.

Runs from cron on the jump host (python3 only, no pip there):

    */10 * * * *  heygen_ops.py sweep --older-than 0
    */5  * * * *  heygen_ops.py health || page-oncall

"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request

API = "https://api.heygen.com"
KEY = os.environ.get("HEYGEN_API_KEY")
RETRIES = 3


class OpsError(RuntimeError):
    pass


def _api(method, path, body=None, retries=RETRIES):
    """call the api, retry on network errors and 5xx with exponential backoff"""
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
    req = urllib.request.Request(
        API + path,
        data=data,
        method=method,
        headers={"x-api-key": KEY, "content-type": "application/json", "accept": "application/json"},
    )
    delay = 0.2
    for attempt in range(retries):
        try:
            with urllib.request.urlopen(req, timeout=15) as resp:
                payload = json.loads(resp.read().decode("utf-8") or "{}")
                return payload
        except urllib.error.HTTPError as e:
            if e.code < 500 or attempt == retries - 1:
                raise OpsError(f"{method} {path} -> HTTP {e.code}: {e.read()[:200]!r}")
        except urllib.error.URLError as e:
            if attempt == retries - 1:
                raise OpsError(f"{method} {path} unreachable: {e.reason}")
        time.sleep(delay)
        delay *= 2


def list_active():
    """sessions currently open on the account"""
    payload = _api("GET", "/v1/streaming.list")
    return payload["data"]["sessions"]


def stop(session_id):
    _api("POST", "/v1/streaming.stop", {"session_id": session_id})


def sweep(older_than=0):
    """stop every active session (older than N seconds); returns the ids stopped"""
    now = time.time()
    stopped = []
    for s in list_active():
        age = now - float(s.get("created_at") or now)
        if age < older_than:
            continue
        stop(s["session_id"])
        stopped.append(s["session_id"])
    return stopped


def health():
    """True when the api answers and the key works"""
    t0 = time.monotonic()
    try:
        n = len(list_active())
    except OpsError as e:
        print(f"UNHEALTHY {e}", file=sys.stderr)
        return False
    print(f"OK api reachable, {n} active session(s), {int((time.monotonic() - t0) * 1000)} ms")
    return True


def open_demo(text="Smoke test, please ignore."):
    """open a throwaway session, say one line, leave it running (sweep closes it)"""
    resp = _api(
        "POST",
        "/v1/streaming.new",
        {"avatar_id": os.environ.get("OPS_AVATAR"), "quality": "low", "version": "v2"},
    )
    info = resp["data"]
    _api("POST", "/v1/streaming.start", {"session_id": info["session_id"]})
    _api("POST", "/v1/streaming.task", {"session_id": info["session_id"], "text": text, "task_type": "repeat"})
    return info


def main(argv=None):
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    sw = sub.add_parser("sweep")
    sw.add_argument("--older-than", type=int, default=0)
    sub.add_parser("health")
    sub.add_parser("demo")
    args = p.parse_args(argv)
    if args.cmd == "sweep":
        ids = sweep(args.older_than)
        print(f"stopped {len(ids)}: {', '.join(ids)}")
        return 0
    if args.cmd == "health":
        return 0 if health() else 1
    if args.cmd == "demo":
        info = open_demo()
        print(json.dumps(info))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
