"""HeyGen REST calls of the help desk: recorded answers and the live avatar's session."""
import os

import requests

API_BASE = "https://api.heygen.com"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def _post(path, body):
    resp = requests.post(f"{API_BASE}{path}", json=body, headers=HEADERS, timeout=20)
    resp.raise_for_status()
    return resp.json()["data"]


def record_answer(avatar_id, script):
    inputs = [{"character": {"type": "avatar", "avatar_id": avatar_id}, "voice": {"type": "text", "input_text": script}}]
    return _post("/v2/video/generate", {"video_inputs": inputs})["video_id"]


def open_session(avatar_id):
    data = _post("/v1/streaming.new", {"avatar_id": avatar_id})
    _post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data
