from flask import Blueprint, jsonify, request

from .constants import VIDEO_GENERATE_URL, VIDEO_STATUS_URL
from .utils import api_get, api_post

video_bp = Blueprint("video", __name__)


@video_bp.route("/generate", methods=["POST"])
def generate():
    body = request.get_json()
    data = api_post(
        VIDEO_GENERATE_URL,
        {
            "title": body.get("title", "promo"),
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": body["avatar_id"]},
                    "voice": {"type": "text", "input_text": body["script"]},
                }
            ],
        },
    )
    return jsonify(video_id=data["video_id"])


@video_bp.route("/status/<video_id>")
def status(video_id):
    return jsonify(api_get(VIDEO_STATUS_URL, video_id=video_id))
