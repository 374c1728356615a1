from flask import Blueprint, current_app, jsonify

from . import heygen

bp = Blueprint("ops", __name__)


def _key():
    return current_app.config["HEYGEN_API_KEY"]


@bp.errorhandler(heygen.HeyGenError)
def upstream_failed(err):
    return jsonify(error=str(err)), 502


@bp.get("/token")
def token():
    # The browser SDK opens the session itself with this token.
    return jsonify(token=heygen.create_token(_key()), avatar=current_app.config["AVATAR_ID"])


@bp.get("/stats")
def stats():
    live = heygen.active_sessions(_key())
    past = heygen.past_sessions(_key())
    return jsonify(active=len(live), recent=len(past))


@bp.post("/sessions/<sid>/ping")
def ping(sid):
    heygen.keep_alive(_key(), sid)
    return jsonify(ok=True)


@bp.post("/sessions/<sid>/stop")
def stop(sid):
    heygen.stop(_key(), sid)
    return jsonify(stopped=sid)
