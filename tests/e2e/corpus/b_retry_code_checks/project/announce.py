#!/usr/bin/env python
"""In-store announcements through a HeyGen streaming avatar on the lobby screen."""
import os
import sys
import time

import requests

API = "https://api.heygen.com/v1"
AVATAR_ID = os.environ.get("ANNOUNCER_AVATAR_ID", "Anna_public_3_20240108")

http = requests.Session()
http.headers.update({"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"})


class AnnouncerError(Exception):
    pass


def check(resp):
    body = resp.json()
    if body.get("code") != 100:
        raise AnnouncerError(f"HeyGen error {body.get('code')}: {body.get('message')}")
    return body.get("data")


def open_session():
    last_error = None
    for attempt in range(3):
        try:
            resp = http.post(
                f"{API}/streaming.new",
                json={"avatar_id": AVATAR_ID, "quality": "high", "version": "v2"},
                timeout=20,
            )
            data = check(resp)
            check(http.post(f"{API}/streaming.start", json={"session_id": data["session_id"]}, timeout=20))
            return data
        except (requests.RequestException, AnnouncerError) as exc:
            last_error = exc
            print(f"attempt {attempt + 1} failed: {exc}", file=sys.stderr)
            time.sleep(attempt)  # 0s, 1s, 2s
    raise AnnouncerError(f"could not open a session: {last_error}")


def announce(session_id, text):
    resp = http.post(
        f"{API}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        timeout=60,
    )
    return check(resp)


def close_session(session_id):
    resp = http.post(f"{API}/streaming.stop", json={"session_id": session_id}, timeout=20)
    message = resp.json().get("message")
    if message == "success":
        print("session closed")
        return True
    print("close failed:", message, file=sys.stderr)
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
        # let shoppers ask questions afterwards
        check(http.post(f"{API}/streaming.start_listening", json={"session_id": session_id}, timeout=20))
    finally:
        ok = close_session(session_id)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
