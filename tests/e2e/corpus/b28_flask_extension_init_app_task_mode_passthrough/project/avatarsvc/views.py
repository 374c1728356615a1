from flask import Blueprint, current_app, jsonify, request

from .extensions import HeyGenAPIError

bp = Blueprint("avatar", __name__, url_prefix="/avatar")

ALLOWED_TASKS = {"repeat", "chat"}


def _heygen():
    return current_app.extensions["heygen"]


@bp.errorhandler(HeyGenAPIError)
def _upstream_failed(exc):
    return jsonify(error=str(exc), code=exc.code), exc.status


@bp.post("/session")
def open_session():
    opts = request.get_json(silent=True) or {}
    avatar = opts.get("avatar") or current_app.config["DEFAULT_AVATAR"]
    session = _heygen().open(avatar, quality=opts.get("quality", current_app.config["DEFAULT_QUALITY"]))
    # The page's livekit-client needs the room URL and a token.
    return jsonify(
        sessionId=session["session_id"],
        livekit={"url": session["url"], "token": session["access_token"]},
    ), 201


@bp.post("/session/<session_id>/say")
def say(session_id):
    body = request.get_json(force=True)
    text = (body.get("text") or "").strip()
    if not text:
        return jsonify(error="text is required"), 400
    mode = body.get("mode", "repeat")
    if mode not in ALLOWED_TASKS:
        return jsonify(error=f"mode must be one of {sorted(ALLOWED_TASKS)}"), 400
    _heygen().say(session_id, text, task_type=mode)
    return jsonify(ok=True)


@bp.post("/session/<session_id>/interrupt")
def interrupt(session_id):
    _heygen().interrupt(session_id)
    return jsonify(ok=True)


@bp.post("/session/<session_id>/keepalive")
def keepalive(session_id):
    _heygen().ping(session_id)
    return jsonify(ok=True)


@bp.delete("/session/<session_id>")
def close(session_id):
    _heygen().close(session_id)
    return "", 204
