from flask import Blueprint, abort, current_app, jsonify, request

bp = Blueprint("avatar", __name__)

# user -> the session info HeyGen returned (single-process deployment)
SESSIONS = {}


def _heygen():
    return current_app.extensions["heygen"]


def _info(user):
    info = SESSIONS.get(user)
    if info is None:
        abort(404, description=f"no session for {user}")
    return info


@bp.post("/start")
def start():
    user = request.get_json()["user"]
    cfg = current_app.config
    info = _heygen().new_session(cfg["HEYGEN_AVATAR_ID"], cfg["HEYGEN_QUALITY"])
    _heygen().start(info["session_id"])
    SESSIONS[user] = info
    return jsonify(session_id=info["session_id"]), 201


@bp.get("/room")
def room():
    info = _info(request.args["user"])
    return jsonify(url=info["url"], token=info["access_token"])


@bp.post("/say")
def say():
    body = request.get_json()
    _heygen().speak(_info(body["user"])["session_id"], body["text"])
    return "", 204


@bp.post("/stop")
def stop():
    user = request.get_json()["user"]
    info = SESSIONS.pop(user, None)
    if info is None:
        return jsonify(stopped=False)
    _heygen().stop(info["session_id"])
    return jsonify(stopped=True)
