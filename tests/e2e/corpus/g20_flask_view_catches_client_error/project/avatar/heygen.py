"""Thin client for HeyGen's streaming avatar."""
import os

import requests

BASE_URL = "https://api.heygen.com"


class HeyGenError(Exception):
    """A HeyGen call failed."""


def _post(path, payload):
    resp = requests.post(
        BASE_URL + path,
        json=payload,
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]},
        timeout=30,
    )
    if resp.status_code != 200:
        raise HeyGenError(f"{path} failed with HTTP {resp.status_code}: {resp.text}")
    return resp.json()["data"]


def open_session(avatar_id):
    data = _post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


def say(session_id, text):
    _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


def close_session(session_id):
    _post("/v1/streaming.stop", {"session_id": session_id})
