#!/usr/bin/env python3
"""
Minimal HeyGen Interactive Avatar streaming test.

    export HEYGEN_API_KEY=...
    python stream_avatar.py

Opens a streaming session, makes the avatar read a few lines, then closes it.
"""
import os
import sys

import requests

BASE = "https://api.heygen.com/v1"
API_CREATE_TOKEN = f"{BASE}/streaming.create_token"
API_STREAM_NEW = f"{BASE}/streaming.new"
API_STREAM_START = f"{BASE}/streaming.start"
API_STREAM_TASK = f"{BASE}/streaming.task"
API_STREAM_KEEPALIVE = f"{BASE}/streaming.keep_alive"
API_STREAM_STOP = f"{BASE}/streaming.stop"

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
AVATAR_ID = os.getenv("AVATAR_ID", "Anna_public_3_20240108")

H_HEYGEN = {
    "X-Api-Key": HEYGEN_API_KEY,
    "Content-Type": "application/json",
    "accept": "application/json",
}


def bearer(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

SCRIPT_LINES = [
    "Hi there! I'm your streaming avatar.",
    "This is a quick smoke test of the streaming API.",
]


def create_token():
    r = requests.post(API_CREATE_TOKEN, headers=H_HEYGEN, json={})
    r.raise_for_status()
    return r.json()["data"]["token"]


def new_session(token, avatar_id):
    payload = {
        "quality": "medium",
        "avatar_id": avatar_id,
        "version": "v2",
        "video_encoding": "H264",
    }
    r = requests.post(API_STREAM_NEW, headers=bearer(token), json=payload)
    r.raise_for_status()
    return r.json()["data"]


def start_session(token, session_id):
    r = requests.post(API_STREAM_START, headers=bearer(token), json={"session_id": session_id})
    r.raise_for_status()
    return r.json()


def send_task(token, session_id, text):
    r = requests.post(
        API_STREAM_TASK,
        headers=bearer(token),
        json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
    )
    r.raise_for_status()
    return r.json()["data"]


def keep_alive(token, session_id):
    r = requests.post(API_STREAM_KEEPALIVE, headers=bearer(token), json={"session_id": session_id})
    return r.status_code == 200


def stop_session(token, session_id):
    r = requests.post(API_STREAM_STOP, headers=bearer(token), json={"session_id": session_id})
    print("stop:", r.status_code)


def main():
    if not HEYGEN_API_KEY:
        sys.exit("HEYGEN_API_KEY is not set")

    token = create_token()
    print(f"[+] token ok ({len(token)} chars)")

    session = new_session(token, AVATAR_ID)
    session_id = session["session_id"]
    print("[+] session:", session_id)
    print("[+] livekit url:", session["url"])

    start_session(token, session_id)
    try:
        for line in SCRIPT_LINES:
            info = send_task(token, session_id, line)
            print("[+] spoke", info)
        if not keep_alive(token, session_id):
            print("[!] keep_alive failed")
    finally:
        stop_session(token, session_id)


if __name__ == "__main__":
    main()
