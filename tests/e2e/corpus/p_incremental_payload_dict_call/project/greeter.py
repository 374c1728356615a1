#!/usr/bin/env python3
"""Lobby greeter: opens an avatar, says the lines of the day, closes."""
import os
import sys

import requests

API = "https://api.heygen.com/v1"
API_KEY = os.environ.get("HEYGEN_API_KEY")
TOKEN = None
SESSION = {}


def get_token():
    global TOKEN
    resp = requests.post(API + "/streaming.create_token", headers={"X-Api-Key": API_KEY})
    resp.raise_for_status()
    TOKEN = resp.json()["data"]["token"]
    return TOKEN


def bearer():
    return {"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"}


def new_session(avatar_id, quality=None, voice_id=None):
    payload = {}
    payload["avatar_id"] = avatar_id
    payload["version"] = "v2"
    if quality:
        payload["quality"] = quality
    if voice_id:
        payload["voice"] = {"voice_id": voice_id}
    resp = requests.post(API + "/streaming.new", headers=bearer(), json=payload)
    resp.raise_for_status()
    SESSION.update(resp.json()["data"])
    payload = {}
    payload["session_id"] = SESSION["session_id"]
    requests.post(API + "/streaming.start", headers=bearer(), json=payload).raise_for_status()
    return SESSION["url"], SESSION["access_token"]


def say(text):
    sid = SESSION["session_id"]
    resp = requests.post(API + "/streaming.task", headers=bearer(), json=dict(session_id=sid, text=text, task_type="repeat"))
    resp.raise_for_status()
    return resp.json()["data"]["task_id"]


def keep_alive():
    requests.post(API + "/streaming.keep_alive", headers=bearer(), json=dict(session_id=SESSION["session_id"]))


def close():
    payload = {}
    payload["session_id"] = SESSION.get("session_id")
    resp = requests.post(API + "/streaming.stop", headers=bearer(), json=payload)
    print("closed:", resp.json().get("message"))
    SESSION.clear()


def main(lines):
    get_token()
    url, access_token = new_session(os.environ.get("AVATAR_ID", "Anna_public_3_20240108"), quality="low")
    print("room", url, access_token[:8] + "...")
    for line in lines:
        say(line)
        keep_alive()
    close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["Good morning!"]))
