"""Narrate a slide deck: the avatar reads each slide's notes, the deck advances when it is done.

    python narrate.py deck.json

deck.json: {"title": ..., "slides": [{"title": ..., "notes": ...}, ...]}
The slide viewer polls `current.json` to know which slide to show.
"""
import json
import os
import sys
import time

import requests

BASE = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"}
AVATAR = os.environ.get("NARRATOR_AVATAR", "Wayne_20240711")


def post(endpoint, payload):
    r = requests.post(f"{BASE}/{endpoint}", headers=HEADERS, data=json.dumps(payload), timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def show(index, slide, path="current.json"):
    with open(path, "w") as fh:
        json.dump({"index": index, "title": slide["title"]}, fh)


def narrate(deck, on_live=None, pace=1.0):
    session = post("streaming.new", {"avatar_id": AVATAR, "quality": "medium", "version": "v2"})
    post("streaming.start", {"session_id": session["session_id"]})
    if on_live:
        on_live(session["url"], session["access_token"])
    spoken_ms = 0.0
    try:
        for index, slide in enumerate(deck["slides"]):
            show(index, slide)
            task = post("streaming.task", {"session_id": session["session_id"],
                                           "text": slide["notes"], "task_type": "repeat",
                                           "task_mode": "sync"})
            # sync mode answers once the avatar has spoken; keep the slide up as long again
            # when rehearsing at a slower pace
            spoken_ms += task["duration_ms"]
            time.sleep(task["duration_ms"] / 1000 * (pace - 1) if pace > 1 else 0)
    finally:
        post("streaming.stop", {"session_id": session["session_id"]})
    return round(spoken_ms)


if __name__ == "__main__":
    with open(sys.argv[1]) as fh:
        print("spoken for", narrate(json.load(fh)), "ms")
