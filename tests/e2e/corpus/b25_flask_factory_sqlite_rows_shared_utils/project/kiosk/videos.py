"""Pre-rendered welcome videos (HeyGen's video API)."""
from flask import Blueprint, current_app, jsonify, request

from .utils import heygen_get, heygen_post

bp = Blueprint("videos", __name__, url_prefix="/api/videos")


@bp.post("")
def render():
    script = request.get_json(force=True)["script"]
    data = heygen_post(
        "/v2/video/generate",
        {
            "title": "kiosk welcome",
            "video_inputs": [
                {
                    "character": {"type": "avatar", "avatar_id": current_app.config["KIOSK_AVATAR"]},
                    "voice": {"type": "text", "input_text": script},
                }
            ],
            "dimension": {"width": 1280, "height": 720},
        },
    )
    return jsonify(video_id=data["video_id"]), 202


@bp.get("/<video_id>")
def status(video_id):
    data = heygen_get("/v1/video_status.get", video_id=video_id)
    return jsonify(status=data["status"], url=data.get("video_url"))
