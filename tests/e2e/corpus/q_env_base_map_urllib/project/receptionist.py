"""Lobby receptionist: greets visitors and answers questions from the building FAQ."""
import json
import os
import sys
import urllib.error
import urllib.request

BASES = {
    "prod": "https://api.heygen.com",
    "staging": "https://api.heygen.com",  # HeyGen has no staging; same account, other avatar
    "mock": "http://localhost:8000",  # tests/mock_heygen.py
}
BASE = BASES[os.environ.get("APP_ENV", "prod")]
API = BASE + "/v1"

HEADERS = {
    "X-API-KEY": os.environ.get("HEYGEN_API_KEY", ""),
    "content-type": "application/json",
    "accept": "application/json",
}

AVATAR = os.environ.get("RECEPTION_AVATAR", "Anna_public_3_20240108")
KB = os.environ.get("RECEPTION_KB", "")
GREETING = "Hello and welcome to the Riverside building."


class HeyGenAPIError(Exception):
    pass


def heygen(action, **body):
    req = urllib.request.Request(
        f"{API}/streaming.{action}",
        data=json.dumps(body).encode("utf-8"),
        headers=HEADERS,
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            payload = json.load(resp)
    except urllib.error.HTTPError as err:
        raise HeyGenAPIError(f"{action}: HTTP {err.code} {err.read()[:200]!r}") from err
    if payload.get("code") != 100:
        raise HeyGenAPIError(f"{action}: {payload.get('message')}")
    return payload.get("data") or {}


def open_desk():
    session = heygen("new", avatar_id=AVATAR, quality="medium", knowledge_base_id=KB, version="v2")
    heygen("start", session_id=session["session_id"])
    return session


def main(questions, on_room=None):
    session = open_desk()
    sid = session["session_id"]
    if on_room is not None:
        on_room(session["url"], session["access_token"])
    else:
        print("room:", session["url"], session["access_token"])
    try:
        heygen("task", session_id=sid, text=GREETING, task_type="repeat")
        heygen("start_listening", session_id=sid)
        for question in questions:
            answer = heygen("task", session_id=sid, text=question, task_type="talk")
            print(f"{question!r} -> task {answer.get('task_id')}")
            heygen("keep_alive", session_id=sid)
        heygen("stop_listening", session_id=sid)
    finally:
        heygen("stop", session_id=sid)


if __name__ == "__main__":
    main(sys.argv[1:] or ["What are the opening hours?"])
