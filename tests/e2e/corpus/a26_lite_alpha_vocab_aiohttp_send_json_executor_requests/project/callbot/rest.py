import os

import requests

BASE = os.environ.get("HEYGEN_BASE", "https://api.heygen.com/v1")


def _auth():
    return {"Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def open_session(avatar_id):
    r = requests.post(BASE + "/streaming.new", json={"avatar_id": avatar_id, "version": "v2", "quality": "low"}, headers=_auth(), timeout=30)
    r.raise_for_status()
    info = r.json()["data"]
    r = requests.post(BASE + "/streaming.start", json={"session_id": info["session_id"]}, headers=_auth(), timeout=30)
    r.raise_for_status()
    return info


def close_session(session_id):
    r = requests.post(BASE + "/streaming.stop", json={"session_id": session_id}, headers=_auth(), timeout=30)
    r.raise_for_status()
