import os
import time

import requests

BASE = "https://api.heygen.com"
HEADERS = {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


def _get(path, **params):
    r = requests.get(BASE + path, headers=HEADERS, params=params or None, timeout=30)
    r.raise_for_status()
    return r.json()


def _post(path, payload):
    r = requests.post(BASE + path, headers=HEADERS, json=payload, timeout=30)
    r.raise_for_status()
    return r.json()


def list_voices():
    return _get("/v2/voices")["data"]["voices"]


def render(avatar_id, voice_id, text):
    video_id = _post(
        "/v2/video/generate",
        {
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": avatar_id},
                    "voice": {"type": "text", "voice_id": voice_id, "input_text": text},
                }
            ]
        },
    )["data"]["video_id"]
    delay = 0.1
    for _ in range(10):
        status = _get("/v1/video_status.get", video_id=video_id)["data"]
        if status["status"] == "completed":
            return status["video_url"]
        time.sleep(delay)
        delay = min(delay * 2, 2)
    raise TimeoutError(video_id)


def go_live(avatar_id):
    data = _post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})["data"]
    _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


def announce(session_id, text):
    _post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


def cut(session_id):
    _post("/v1/streaming.interrupt", {"session_id": session_id})


def off_air(session_id):
    _post("/v1/streaming.stop", {"session_id": session_id})
