"""pick_avatar.py -- choose a streaming avatar and say hello with its own voice."""
import os
import sys

import requests

API = "https://api.heygen.com"
H = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def catalogue(public_only=True):
    r = requests.get(f"{API}/v1/streaming/avatar.list", headers=H, timeout=15)
    r.raise_for_status()
    items = [a for a in r.json()["data"] if a.get("status") == "ACTIVE"]
    if public_only:
        items = [a for a in items if a.get("is_public", True)]
    return sorted(items, key=lambda a: a.get("pose_name") or a["avatar_id"])


def hello(avatar, text="Hello! I was picked from the catalogue."):
    r = requests.post(
        f"{API}/v1/streaming.new",
        headers=H,
        json={
            "avatar_id": avatar["avatar_id"],
            "voice": {"voice_id": avatar["default_voice"]},
            "version": "v2",
        },
        timeout=15,
    )
    r.raise_for_status()
    data = r.json()["data"]
    sid = data["session_id"]
    requests.post(f"{API}/v1/streaming.start", headers=H, json={"session_id": sid}, timeout=15).raise_for_status()
    requests.post(f"{API}/v1/streaming.task", headers=H, json={"session_id": sid, "text": text}, timeout=15).raise_for_status()
    requests.post(f"{API}/v1/streaming.keep_alive", headers=H, json={"session_id": sid}, timeout=15).raise_for_status()
    return data


def bye(session_id):
    requests.post(f"{API}/v1/streaming.stop", headers=H, json={"session_id": session_id}, timeout=15).raise_for_status()


if __name__ == "__main__":
    avatars = catalogue()
    for i, a in enumerate(avatars):
        print(i, a.get("pose_name"), a["avatar_id"])
    choice = avatars[int(input("pick: "))]
    d = hello(choice)
    print(d["url"], d["access_token"])
    input("enter to stop")
    bye(d["session_id"])
    sys.exit(0)
