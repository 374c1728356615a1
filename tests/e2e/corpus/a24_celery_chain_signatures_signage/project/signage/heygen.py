"""HeyGen streaming calls used by the signage workers."""
import os

import requests

HEYGEN_BASE = os.environ.get("HEYGEN_BASE", "https://api.heygen.com")
NEW_URL = f"{HEYGEN_BASE}/v1/streaming.new"
START_URL = f"{HEYGEN_BASE}/v1/streaming.start"
TASK_URL = f"{HEYGEN_BASE}/v1/streaming.task"
STOP_URL = f"{HEYGEN_BASE}/v1/streaming.stop"


def _headers():
    return {"x-api-key": os.environ["HEYGEN_API_KEY"], "content-type": "application/json"}


def create_session(avatar_id, quality="high"):
    r = requests.post(NEW_URL, json={"avatar_id": avatar_id, "quality": quality, "version": "v2"}, headers=_headers(), timeout=30)
    r.raise_for_status()
    data = r.json()["data"]
    s = requests.post(START_URL, json={"session_id": data["session_id"]}, headers=_headers(), timeout=30)
    s.raise_for_status()
    return data


def say(session_id, text):
    r = requests.post(TASK_URL, json={"session_id": session_id, "text": text, "task_type": "repeat"}, headers=_headers(), timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def stop(session_id):
    r = requests.post(STOP_URL, json={"session_id": session_id}, headers=_headers(), timeout=30)
    r.raise_for_status()
