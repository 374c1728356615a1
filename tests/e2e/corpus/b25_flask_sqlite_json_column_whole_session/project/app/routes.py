import os

from flask import Blueprint, abort, jsonify, request

from . import heygen, models

bp = Blueprint("sessions", __name__)


@bp.post("/sessions")
def open_session():
    data = heygen.create(os.environ["DEMO_AVATAR"])
    models.save(request.headers.get("X-User", "anonymous"), data)
    return jsonify(session_id=data["session_id"]), 201


@bp.get("/sessions/<session_id>/join")
def join_info(session_id):
    data = models.load(session_id)
    if data is None:
        abort(404)
    return jsonify(server_url=data["url"], participant_token=data["access_token"])


@bp.post("/sessions/<session_id>/say")
def say(session_id):
    if models.load(session_id) is None:
        abort(404)
    heygen.say(session_id, request.get_json()["text"])
    return jsonify(ok=True)


@bp.post("/sessions/<session_id>/close")
def close(session_id):
    if models.load(session_id) is None:
        abort(404)
    heygen.stop(session_id)
    models.deactivate(session_id)
    return jsonify(ok=True)
