#!/usr/bin/env python3
"""Keep the lobby signage avatars alive (run `keeper.py tick` from cron every minute)."""
import argparse
import json
import logging
import os
import shelve

import urllib3
from urllib3.util import Retry

log = logging.getLogger("keeper")

API_HOST = "https://api.heygen.com"
STATE = os.environ.get("KEEPER_STATE", "/var/lib/keeper/sessions")

http = urllib3.PoolManager(
    retries=Retry(total=3, backoff_factor=0.2, status_forcelist=(502, 503, 504), allowed_methods=None),
    timeout=urllib3.Timeout(connect=5, read=20),
)


class ApiError(Exception):
    pass


def _api(method, endpoint, fields=None):
    r = http.request(
        method,
        f"{API_HOST}/v1/{endpoint}",
        body=json.dumps(fields or {}),
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"},
    )
    doc = json.loads(r.data.decode() or "{}")
    if r.status >= 400 or doc.get("code") != 100:
        raise ApiError(f"{endpoint}: {r.status} {doc.get('message')}")
    return doc


def open_screen(name, greeting):
    doc = _api("POST", "streaming.new", {"avatar_id": os.environ["SIGNAGE_AVATAR"], "version": "v2"})
    session = doc["data"]
    _api("POST", "streaming.start", {"session_id": session["session_id"]})
    _api("POST", "streaming.task", {"session_id": session["session_id"], "text": greeting, "task_type": "repeat"})
    with shelve.open(STATE) as db:
        db[name] = {"session_id": session["session_id"], "url": session["url"], "token": session["access_token"]}
    return db_entry(name)


def db_entry(name):
    with shelve.open(STATE) as db:
        return db.get(name)


def tick():
    alive, dropped = [], []
    with shelve.open(STATE) as db:
        for name in list(db.keys()):
            try:
                _api("POST", "streaming.keep_alive", {"session_id": db[name]["session_id"]})
                alive.append(name)
            except ApiError as exc:
                log.warning("dropping %s: %s", name, exc)
                del db[name]
                dropped.append(name)
    return alive, dropped


def close_all():
    closed = []
    with shelve.open(STATE) as db:
        for name in list(db.keys()):
            _api("POST", "streaming.stop", {"session_id": db[name]["session_id"]})
            del db[name]
            closed.append(name)
    return closed


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("cmd", choices=["tick", "close"])
    args = p.parse_args(argv)
    if args.cmd == "tick":
        alive, dropped = tick()
        print(f"alive={len(alive)} dropped={len(dropped)}")
    else:
        print(f"closed={len(close_all())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
