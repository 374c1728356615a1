"""Pick a streaming avatar from the account's list, open a session with it and greet.

    python pick_and_greet.py [preferred pose name]
"""
import os
import sys

import requests

HEYGEN_BASE = "https://api.heygen.com"

SESSION = requests.Session()
SESSION.headers.update({"x-api-key": os.environ.get("HEYGEN_API_KEY", ""), "accept": "application/json"})


def list_avatars():
    r = SESSION.get(f"{HEYGEN_BASE}/v1/streaming/avatar.list", timeout=30)
    r.raise_for_status()
    return [a for a in r.json()["data"] if a.get("status") == "ACTIVE"]


def choose_avatar(avatars, preferred=None):
    if not avatars:
        raise SystemExit("no streaming avatars in this account")
    for a in avatars:
        if preferred and a["pose_name"].lower() == preferred.lower():
            return a
    return avatars[0]


def open_room(avatar_id):
    r = SESSION.post(f"{HEYGEN_BASE}/v1/streaming.new", json={"avatar_id": avatar_id, "version": "v2"}, timeout=30)
    r.raise_for_status()
    data = r.json()["data"]
    r = SESSION.post(f"{HEYGEN_BASE}/v1/streaming.start", json={"session_id": data["session_id"]}, timeout=30)
    r.raise_for_status()
    return {"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]}


def greet(session_id, lines):
    for line in lines:
        r = SESSION.post(
            f"{HEYGEN_BASE}/v1/streaming.task",
            json={"session_id": session_id, "text": line, "task_type": "repeat"},
            timeout=30,
        )
        r.raise_for_status()


def close(session_id):
    SESSION.post(f"{HEYGEN_BASE}/v1/streaming.stop", json={"session_id": session_id}, timeout=30)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    avatar = choose_avatar(list_avatars(), argv[0] if argv else None)
    print(f"using {avatar['avatar_id']} ({avatar['normal_preview']})")
    return open_room(avatar["avatar_id"])


if __name__ == "__main__":
    room = main()
    greet(room["session_id"], ["Hello!"])
    close(room["session_id"])
