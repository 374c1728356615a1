"""Thin HeyGen REST helpers shared by the studio's modules."""
import os

import requests

API_BASE = "https://api.heygen.com"
HEADERS = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def _post(path, body):
    r = requests.post(API_BASE + path, json=body, headers=HEADERS, timeout=30)
    r.raise_for_status()
    return r.json()


def _get(path, **params):
    r = requests.get(API_BASE + path, params=params, headers=HEADERS, timeout=30)
    r.raise_for_status()
    return r.json()


def render(avatar_id, voice_id, script):
    body = {
        "video_inputs": [
            {
                "character": {"type": "avatar", "avatar_id": avatar_id},
                "voice": {"type": "text", "voice_id": voice_id, "input_text": script},
            }
        ]
    }
    return _post("/v2/video/generate", body)["data"]["video_id"]


def video_status(video_id):
    return _get("/v1/video_status.get", video_id=video_id)["data"]["status"]


def open_session(avatar_id):
    data = _post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})["data"]
    _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data
