#!/usr/bin/env python3
"""Shop assistant demo: greets, answers a few questions from the knowledge base, listens.

    python demo.py --avatar Anna_public_3_20240108 --kb <knowledge base id> --line "Do you ship abroad?"
"""
import argparse
import functools
import os
import sys
import time

import requests

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_LISTEN = "https://api.heygen.com/v1/streaming.start_listening"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"

HEADERS = {
    "accept": "application/json",
    "content-type": "application/json",
    "x-api-key": HEYGEN_API_KEY,
}


def retry(times=3, delay=1.0, exceptions=(requests.RequestException,)):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions as exc:
                    if attempt == times:
                        raise
                    print(f"{fn.__name__} failed ({exc}), retry {attempt}/{times - 1}", file=sys.stderr)
                    time.sleep(delay * attempt)
        return wrapper
    return decorator


@retry(times=3)
def new_session(avatar_id, knowledge_base_id=None):
    payload = {"avatar_id": avatar_id, "quality": "high", "version": "v2"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    resp = requests.request("POST", URL_NEW, headers=HEADERS, json=payload, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


@retry(times=3)
def start_session(session_id):
    resp = requests.request("POST", URL_START, headers=HEADERS, json={"session_id": session_id}, timeout=30)
    resp.raise_for_status()


@retry(times=2, delay=0.5)
def send_task(session_id, text, task_type="repeat"):
    resp = requests.request(
        "POST",
        URL_TASK,
        headers=HEADERS,
        json={"session_id": session_id, "text": text, "task_type": task_type, "task_mode": "sync"},
        timeout=60,
    )
    resp.raise_for_status()
    return resp.json()["data"]


def start_listening(session_id):
    requests.request("POST", URL_LISTEN, headers=HEADERS, json={"session_id": session_id}, timeout=30)


def stop_session(session_id):
    resp = requests.request("POST", URL_STOP, headers=HEADERS, json={"session_id": session_id}, timeout=30)
    return resp.ok


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--avatar", default=os.environ.get("DEMO_AVATAR", "Anna_public_3_20240108"))
    p.add_argument("--kb", default=os.environ.get("DEMO_KB"), help="knowledge base id")
    p.add_argument("--line", action="append", default=[], help="a question to ask (repeatable)")
    p.add_argument("--greeting", default="Hi! I'm the shop assistant. Ask me anything.")
    return p.parse_args(argv)


def main(argv=None, on_room=None):
    args = parse_args(argv)
    info = new_session(args.avatar, args.kb)
    session_id = info["session_id"]
    print(f"session {session_id}: {info['url']}")
    try:
        start_session(session_id)
        if on_room:
            on_room(info["url"], info["access_token"])
        send_task(session_id, args.greeting)
        for line in args.line:
            send_task(session_id, line, task_type="chat")
        start_listening(session_id)
    finally:
        stop_session(session_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
