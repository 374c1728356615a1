import os

from flask import Blueprint, jsonify, request, session

from .constants import (
    DEFAULT_QUALITY,
    STREAMING_INTERRUPT_URL,
    STREAMING_NEW_URL,
    STREAMING_START_URL,
    STREAMING_STOP_URL,
    STREAMING_TASK_URL,
)
from .utils import api_post

avatar_bp = Blueprint("avatar", __name__)


@avatar_bp.route("/start", methods=["POST"])
def start():
    opts = request.get_json(silent=True) or {}
    data = api_post(
        STREAMING_NEW_URL,
        {
            "avatar_id": os.environ["SHOP_AVATAR"],
            "quality": opts.get("quality", DEFAULT_QUALITY),
            "language": opts.get("language", "en"),
            "version": "v2",
        },
    )
    api_post(STREAMING_START_URL, {"session_id": data["session_id"]})
    session["heygen_session_id"] = data["session_id"]
    return jsonify(livekitUrl=data["url"], livekitToken=data["access_token"])


@avatar_bp.route("/speak", methods=["POST"])
def speak():
    api_post(
        STREAMING_TASK_URL,
        {"session_id": session["heygen_session_id"], "text": request.json["text"], "task_type": "repeat"},
    )
    return jsonify(ok=True)


@avatar_bp.route("/interrupt", methods=["POST"])
def interrupt():
    api_post(STREAMING_INTERRUPT_URL, {"session_id": session["heygen_session_id"]})
    return jsonify(ok=True)


@avatar_bp.route("/stop", methods=["POST"])
def stop():
    api_post(STREAMING_STOP_URL, {"session_id": session.pop("heygen_session_id")})
    return jsonify(ok=True)
