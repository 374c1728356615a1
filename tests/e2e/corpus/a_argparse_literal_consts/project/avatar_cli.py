"""Command line tool to drive a HeyGen streaming avatar.

Examples:
    python avatar_cli.py --list
    python avatar_cli.py --quality low "Hello world" "Second line"
"""
import argparse
import os
import sys

import requests

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_INTERRUPT = "https://api.heygen.com/v1/streaming.interrupt"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"
URL_LIST = "https://api.heygen.com/v1/streaming.list"

API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEADERS = {"x-api-key": API_KEY, "Content-Type": "application/json"}


def list_sessions():
    resp = requests.get(URL_LIST, headers=HEADERS, timeout=15)
    resp.raise_for_status()
    data = resp.json().get("data") or {}
    if "sessions" in data:
        return data["sessions"]
    return []


def new_session(avatar_id, quality=None, voice_id=None, voice_rate=None, language=None):
    payload = {"avatar_id": avatar_id, "version": "v2"}
    if quality:
        payload["quality"] = quality
    if voice_id or voice_rate:
        payload["voice"] = {}
        if voice_id:
            payload["voice"]["voice_id"] = voice_id
        if voice_rate:
            payload["voice"]["rate"] = voice_rate
    if language:
        payload["language"] = language
    resp = requests.post(URL_NEW, json=payload, headers=HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"]


def start(session_id):
    resp = requests.post(URL_START, json={"session_id": session_id}, headers=HEADERS, timeout=30)
    resp.raise_for_status()


def task(session_id, text, task_type="repeat"):
    body = {"session_id": session_id, "text": text, "task_type": task_type}
    resp = requests.post(URL_TASK, json=body, headers=HEADERS, timeout=30)
    resp.raise_for_status()
    return resp.json()["data"].get("duration_ms")


def interrupt(session_id):
    requests.post(URL_INTERRUPT, json={"session_id": session_id}, headers=HEADERS, timeout=10)


def stop(session_id):
    resp = requests.post(URL_STOP, json={"session_id": session_id}, headers=HEADERS, timeout=10)
    return resp.ok


def build_parser():
    p = argparse.ArgumentParser(description="HeyGen streaming avatar CLI")
    p.add_argument("texts", nargs="*", help="lines for the avatar to say")
    p.add_argument("--avatar", default=os.getenv("AVATAR_ID", "Anna_public_3_20240108"))
    p.add_argument("--quality", choices=["low", "medium", "high"])
    p.add_argument("--voice-id")
    p.add_argument("--voice-rate", type=float)
    p.add_argument("--language")
    p.add_argument("--task-type", default="repeat", choices=["repeat", "chat"])
    p.add_argument("--interrupt", action="store_true", help="interrupt after the last line")
    p.add_argument("--list", action="store_true", help="list active sessions and exit")
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)
    if not API_KEY:
        print("set HEYGEN_API_KEY", file=sys.stderr)
        return 2

    if args.list:
        sessions = list_sessions()
        print(f"{len(sessions)} active session(s)")
        for s in sessions:
            print(" -", s.get("session_id"), s.get("status"))
        return 0

    info = new_session(args.avatar, args.quality, args.voice_id, args.voice_rate, args.language)
    sid = info["session_id"]
    print("session", sid, "->", info["url"])
    start(sid)
    try:
        for text in args.texts:
            ms = task(sid, text, args.task_type)
            print(f"  said {text!r} ({ms} ms)")
        if args.interrupt:
            interrupt(sid)
    finally:
        stop(sid)
    return 0


if __name__ == "__main__":
    sys.exit(main())
