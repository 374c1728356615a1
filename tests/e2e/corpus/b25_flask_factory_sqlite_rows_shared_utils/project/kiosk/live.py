from flask import Blueprint, abort, current_app, jsonify, request

from .models import AvatarSession
from .utils import HeyGenError, heygen_post

bp = Blueprint("live", __name__, url_prefix="/api/live")


def _session_or_404(pk):
    row = AvatarSession.get(pk)
    if row is None or row.status != "live":
        abort(404)
    return row


@bp.post("/sessions")
def open_session():
    cfg = current_app.config
    body = {
        "version": "v2",
        "avatar_id": cfg["KIOSK_AVATAR"],
        "quality": "medium",
        "voice": {"rate": cfg["KIOSK_VOICE_RATE"]},
    }
    if cfg.get("KIOSK_KNOWLEDGE_BASE"):
        body["knowledge_base_id"] = cfg["KIOSK_KNOWLEDGE_BASE"]
    try:
        data = heygen_post("/v1/streaming.new", body)
        heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    except HeyGenError as exc:
        return jsonify(error=str(exc)), 502
    row = AvatarSession.create(data["session_id"], data["url"], data["access_token"])
    return jsonify(id=row.id), 201


@bp.get("/sessions/<int:pk>")
def show_session(pk):
    return jsonify(_session_or_404(pk).to_dict())


@bp.post("/sessions/<int:pk>/speak")
def speak(pk):
    row = _session_or_404(pk)
    payload = request.get_json(force=True)
    heygen_post(
        "/v1/streaming.task",
        {
            "session_id": row.heygen_session_id,
            "text": payload["text"],
            "task_type": payload.get("task_type", "repeat"),
        },
    )
    return jsonify(ok=True)


@bp.post("/sessions/<int:pk>/interrupt")
def interrupt(pk):
    row = _session_or_404(pk)
    heygen_post("/v1/streaming.interrupt", {"session_id": row.heygen_session_id})
    return jsonify(ok=True)


@bp.delete("/sessions/<int:pk>")
def close_session(pk):
    row = _session_or_404(pk)
    heygen_post("/v1/streaming.stop", {"session_id": row.heygen_session_id})
    row.mark("closed")
    return "", 204
