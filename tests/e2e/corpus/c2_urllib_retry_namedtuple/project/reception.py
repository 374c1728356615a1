#!/usr/bin/env python3
"""Reception avatar for a raspberry pi: stdlib only, no pip on that box."""
import functools
import json
import os
import time
import urllib.error
import urllib.request
from typing import NamedTuple

BASE = "https://api.heygen.com"
API_KEY = os.environ.get("HEYGEN_API_KEY", "")
AVATAR = os.environ.get("HEYGEN_AVATAR", "Wayne_20240711")
KB_ID = os.environ.get("HEYGEN_KB_ID")


class LiveSession(NamedTuple):
    session_id: str
    url: str
    access_token: str


def retry(tries=3, delay=0.5, backoff=2.0, exceptions=(urllib.error.URLError,)):
    """Retry a flaky network call with exponential backoff (the pi is on wifi)."""

    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            wait = delay
            for attempt in range(1, tries + 1):
                try:
                    return fn(*args, **kwargs)
                except urllib.error.HTTPError:
                    raise  # the API answered: retrying will not help
                except exceptions as exc:
                    if attempt == tries:
                        raise
                    print(f"[retry] {fn.__name__} failed ({exc}), retrying in {wait:.1f}s")
                    time.sleep(wait)
                    wait *= backoff

        return wrapper

    return decorator


@retry(tries=4, delay=0.2)
def _call(endpoint, payload):
    req = urllib.request.Request(
        f"{BASE}/v1/{endpoint}",
        data=json.dumps(payload).encode(),
        headers={"X-Api-Key": API_KEY, "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=20) as resp:
        return json.loads(resp.read().decode())


def connect():
    body = {"avatar_id": AVATAR, "quality": "low", "version": "v2"}
    if KB_ID:
        body["knowledge_base_id"] = KB_ID
    data = _call("streaming.new", body)["data"]
    live = LiveSession(data["session_id"], data["url"], data["access_token"])
    _call("streaming.start", {"session_id": live.session_id})
    return live


def greet(live, name):
    _call("streaming.task", {"session_id": live.session_id, "text": f"Welcome, {name}!", "task_type": "repeat"})


def answer(live, question):
    _call("streaming.task", {"session_id": live.session_id, "text": question, "task_type": "chat"})


def hang_up(live):
    try:
        _call("streaming.stop", {"session_id": live.session_id})
    except urllib.error.HTTPError as exc:
        print("stop failed:", exc.code, exc.read().decode())


if __name__ == "__main__":
    s = connect()
    print("viewer:", s.url)
    greet(s, "there")
    hang_up(s)
