import requests
from flask import Blueprint, jsonify, request

from .config import HEYGEN_API_KEY, HEYGEN_BASE_URL

videos = Blueprint("videos", __name__)


@videos.post("/render")
def render():
    body = {
        "video_inputs": [
            {
                "character": {"type": "avatar", "avatar_id": request.json["avatar_id"]},
                "voice": {"type": "text", "input_text": request.json["script"]},
            }
        ]
    }
    r = requests.post(f"{HEYGEN_BASE_URL}/v2/video/generate", json=body, headers={"x-api-key": HEYGEN_API_KEY}, timeout=30)
    r.raise_for_status()
    return jsonify(video_id=r.json()["data"]["video_id"])


@videos.get("/<video_id>")
def status(video_id):
    r = requests.get(
        f"{HEYGEN_BASE_URL}/v1/video_status.get",
        params={"video_id": video_id},
        headers={"x-api-key": HEYGEN_API_KEY},
        timeout=30,
    )
    r.raise_for_status()
    return jsonify(status=r.json()["data"]["status"])
