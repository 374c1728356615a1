"""Dashboard API used by the front-desk tablet."""
from flask import Blueprint, current_app, jsonify, request

from . import heygen

bp = Blueprint("dashboard", __name__, url_prefix="/api")


def _screens():
    return current_app.config["SCREENS"]


@bp.post("/rooms")
def open_room():
    try:
        data = heygen.post(
            "streaming.new",
            {"avatar_id": heygen.AVATAR, "quality": "medium", "version": "v2"},
        )
        # HeyGen sometimes answered without a room during incidents: never hand that to a screen
        if "url" not in data or "access_token" not in data:
            return jsonify(error="no room in the answer"), 502
        heygen.post("streaming.start", {"session_id": data["session_id"]})
    except heygen.HeyGenFailure as exc:
        return jsonify(error=str(exc)), 502
    _screens().inbox.put(data)
    return jsonify(session_id=data["session_id"]), 202


@bp.get("/screens")
def screens():
    return jsonify(_screens().snapshot())


@bp.post("/rooms/<session_id>/announce")
def announce(session_id):
    text = request.get_json(force=True)["text"]
    heygen.post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
    return "", 204


@bp.delete("/rooms/<session_id>")
def close_room(session_id):
    heygen.post("streaming.stop", {"session_id": session_id})
    _screens().release(session_id)
    return "", 204
