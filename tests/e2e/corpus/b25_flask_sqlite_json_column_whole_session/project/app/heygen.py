import os

import requests

BASE = "https://api.heygen.com/v1"


def _post(endpoint, body):
    r = requests.post(f"{BASE}/{endpoint}", json=body, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=30)
    r.raise_for_status()
    return r.json()


def create(avatar_id):
    resp = _post("streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    _post("streaming.start", {"session_id": resp["data"]["session_id"]})
    return resp["data"]


def say(session_id, text):
    _post("streaming.task", {"session_id": session_id, "text": text})


def stop(session_id):
    _post("streaming.stop", {"session_id": session_id})
