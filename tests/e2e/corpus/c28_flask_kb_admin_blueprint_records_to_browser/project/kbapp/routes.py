from flask import Blueprint, abort, current_app, jsonify, request

from .heygen import HeyGenError, KnowledgeBases, SupportSessions

bp = Blueprint("kb_admin", __name__)


def kbs():
    return KnowledgeBases(timeout=current_app.config["KB_TIMEOUT"])


@bp.errorhandler(HeyGenError)
def upstream_error(exc):
    return jsonify(error=str(exc)), 502


@bp.get("/kbs")
def list_kbs():
    return jsonify(kbs().list())


@bp.post("/kbs")
def create_kb():
    payload = request.get_json(force=True)
    missing = [k for k in ("name", "prompt", "opening") if not payload.get(k)]
    if missing:
        abort(400, f"missing {', '.join(missing)}")
    return jsonify(kbs().create(payload["name"], payload["prompt"], payload["opening"])), 201


@bp.get("/kbs/<kb_id>")
def show_kb(kb_id):
    return jsonify(kbs().get(kb_id))


@bp.put("/kbs/<kb_id>")
def update_kb(kb_id):
    return jsonify(kbs().update(kb_id, **request.get_json(force=True)))


@bp.delete("/kbs/<kb_id>")
def delete_kb(kb_id):
    kbs().delete(kb_id)
    return "", 204


@bp.post("/sessions")
def open_session():
    payload = request.get_json(force=True)
    data = SupportSessions().open(payload["avatar"], payload["kb"])
    return jsonify(session_id=data["session_id"], url=data["url"], token=data["access_token"])


@bp.post("/sessions/<session_id>/ask")
def ask(session_id):
    SupportSessions().ask(session_id, request.get_json(force=True)["q"])
    return "", 202


@bp.delete("/sessions/<session_id>")
def stop(session_id):
    SupportSessions().stop(session_id)
    return "", 204
