from flask import Blueprint, jsonify, request

from . import heygen_service as hs

avatar_bp = Blueprint("avatar", __name__)


@avatar_bp.errorhandler(hs.ServiceError)
def service_error(exc):
    return jsonify({"error": str(exc)}), exc.status


@avatar_bp.route("/start", methods=["POST"])
def start():
    payload = request.get_json(silent=True) or {}
    return jsonify(hs.start_avatar(payload.get("avatar_id"), payload.get("voice_id")))


@avatar_bp.route("/say", methods=["POST"])
def say():
    payload = request.get_json() or {}
    if not payload.get("session_id") or not payload.get("text"):
        return jsonify({"error": "session_id and text are required"}), 400
    task_id = hs.say(payload["session_id"], payload["text"])
    return jsonify({"task_id": task_id})


@avatar_bp.route("/keepalive", methods=["POST"])
def keepalive():
    hs.keep_alive(request.get_json()["session_id"])
    return jsonify({"ok": True})


@avatar_bp.route("/end", methods=["POST"])
def end():
    hs.end(request.get_json()["session_id"])
    return jsonify({"ok": True})
