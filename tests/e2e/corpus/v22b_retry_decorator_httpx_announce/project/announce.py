#!/usr/bin/env python
"""In-store announcements through a HeyGen streaming avatar on the lobby screen."""
import functools
import os
import sys
import time

import httpx

AVATAR_ID = os.environ.get("ANNOUNCER_AVATAR_ID", "Anna_public_3_20240108")

client = httpx.Client(
    base_url="https://api.heygen.com/v1",
    headers={"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"},
    timeout=20,
)


class AnnouncerError(Exception):
    pass


def retry(times=3):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except (httpx.HTTPError, AnnouncerError) as exc:
                    last = exc
                    print(f"attempt {attempt + 1} failed: {exc}", file=sys.stderr)
                    time.sleep(attempt)
            raise AnnouncerError(f"giving up: {last}")

        return wrapper

    return decorate


def _checked(resp):
    resp.raise_for_status()
    body = resp.json()
    if body["code"] != 100:
        raise AnnouncerError(f"HeyGen error {body['code']}: {body.get('message')}")
    return body.get("data", {})


@retry(times=3)
def open_session():
    data = _checked(client.post("/streaming.new", json={"avatar_id": AVATAR_ID, "quality": "high", "version": "v2"}))
    _checked(client.post("/streaming.start", json={"session_id": data["session_id"]}))
    return data


def announce(session_id, text):
    return _checked(client.post("/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"}))


def close_session(session_id):
    resp = client.post("/streaming.stop", json={"session_id": session_id})
    if resp.json()["message"] == "success":
        print("session closed")
        return True
    print("close failed:", resp.text, file=sys.stderr)
    return False


def main(lines=None, on_ready=None):
    lines = lines or sys.argv[1:]
    if not lines:
        print("nothing to announce", file=sys.stderr)
        return 2
    data = open_session()
    session_id = data["session_id"]
    if on_ready:
        on_ready(data["url"], data["access_token"])
    try:
        for line in lines:
            announce(session_id, line)
        _checked(client.post("/streaming.start_listening", json={"session_id": session_id}))
    finally:
        ok = close_session(session_id)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
