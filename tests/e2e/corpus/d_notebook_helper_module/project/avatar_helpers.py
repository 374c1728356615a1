"""Helpers for the avatar experiments notebook (kept out of the notebook so they can be reloaded)."""
import json
import os

import requests

BASE = "https://api.heygen.com/v1"
HEADERS = {
    "X-Api-Key": os.getenv("HEYGEN_API_KEY", ""),
    "Content-Type": "application/json",
}


def new_session(avatar_id, **extra):
    body = {"avatar_id": avatar_id, "version": "v2", "quality": "low", **extra}
    r = requests.post(f"{BASE}/streaming.new", headers=HEADERS, json=body)
    r.raise_for_status()
    return r.json()["data"]


def start_session(session_id):
    r = requests.post(f"{BASE}/streaming.start", headers=HEADERS, json={"session_id": session_id})
    r.raise_for_status()
    return r.json()


def say(session_id, text):
    r = requests.post(f"{BASE}/streaming.task", headers=HEADERS,
                      json={"session_id": session_id, "text": text, "task_type": "repeat"})
    r.raise_for_status()
    return r.json()["data"]


def close_session(session_id):
    r = requests.post(f"{BASE}/streaming.stop", headers=HEADERS, json={"session_id": session_id})
    return r.status_code == 200


def viewer_html(url, token, path="viewer.html"):
    page = f"""<!doctype html>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<video id="v" autoplay playsinline></video>
<script>
  const room = new LivekitClient.Room();
  room.on(LivekitClient.RoomEvent.TrackSubscribed, t => t.attach(document.getElementById("v")));
  room.connect({json.dumps(url)}, {json.dumps(token)});
</script>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
    return path
