from flask import Blueprint, abort, jsonify, request

from . import service

bp = Blueprint("kiosk", __name__)

# session id -> the create_token token it was opened with
_tokens = {}


@bp.post("/session")
def open_session():
    info = service.open_session()
    _tokens[info["session_id"]] = info.pop("token")
    return jsonify(info), 201


def _token_for(session_id):
    token = _tokens.get(session_id)
    if token is None:
        abort(404)
    return token


@bp.post("/session/<session_id>/say")
def say(session_id):
    text = (request.get_json(silent=True) or {}).get("text", "").strip()
    if not text:
        return jsonify(error="text required"), 400
    service.say(_token_for(session_id), session_id, text)
    return jsonify(ok=True)


@bp.post("/session/<session_id>/ping")
def ping(session_id):
    service.keep_alive(_token_for(session_id), session_id)
    return jsonify(ok=True)


@bp.delete("/session/<session_id>")
def close(session_id):
    service.close(_tokens.pop(session_id, None) or abort(404), session_id)
    return "", 204
