"""Kiosk fleet maintenance: close leaked HeyGen streaming sessions and report usage.

    python kiosk_ops.py cleanup
    python kiosk_ops.py report
"""
import os
import sys

import requests

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"
URL_LIST_ACTIVE = "https://api.heygen.com/v1/streaming.list"
URL_LIST_HISTORY = "https://api.heygen.com/v2/streaming.list"

HEADERS_XAPI = {"X-Api-Key": os.getenv("HEYGEN_API_KEY", "")}


def open_kiosk_session(avatar_id=None):
    r = requests.post(
        URL_NEW,
        headers=HEADERS_XAPI,
        json={"avatar_id": avatar_id or os.getenv("KIOSK_AVATAR_ID"), "quality": "low", "version": "v2"},
    )
    r.raise_for_status()
    data = r.json()["data"]
    requests.post(URL_START, headers=HEADERS_XAPI, json={"session_id": data["session_id"]}).raise_for_status()
    return data


def active_session_ids():
    r = requests.get(URL_LIST_ACTIVE, headers=HEADERS_XAPI)
    r.raise_for_status()
    sessions = r.json()["data"]["sessions"]
    return [s["session_id"] for s in sessions]


def close_all_active():
    closed = 0
    for session_id in active_session_ids():
        r = requests.post(URL_STOP, headers=HEADERS_XAPI, json={"session_id": session_id})
        if r.ok:
            closed += 1
        else:
            print(f"could not close {session_id}: {r.status_code}", file=sys.stderr)
    return closed


def iter_history(page_size=20):
    page = 1
    token = None
    while True:
        params = {"page": page, "page_size": page_size}
        if token:
            params["token"] = token
        r = requests.get(URL_LIST_HISTORY, headers=HEADERS_XAPI, params=params)
        r.raise_for_status()
        body = r.json()
        yield from body.get("data", [])
        token = body.get("next_pagination_token")
        if not token:
            break
        page += 1


def usage_report():
    sessions = 0
    seconds = 0
    for item in iter_history():
        sessions += 1
        seconds += item.get("duration") or 0
    return {"sessions": sessions, "seconds": seconds}


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "report"
    if cmd == "cleanup":
        print(f"closed {close_all_active()} sessions")
    else:
        print(usage_report())
