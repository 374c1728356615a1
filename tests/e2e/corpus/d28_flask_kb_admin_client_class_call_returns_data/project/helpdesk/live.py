import os

from flask import Blueprint, current_app, jsonify, request

from .endpoints import STREAMING_NEW, STREAMING_START, STREAMING_STOP, STREAMING_TASK

bp = Blueprint("live", __name__)


@bp.post("/sessions")
def open_session():
    form = request.get_json(force=True)
    heygen = current_app.extensions["heygen"]
    data = heygen.call(
        "POST",
        STREAMING_NEW,
        {
            "avatar_id": os.environ["DESK_AVATAR"],
            "knowledge_base_id": form["kb_id"],
            "quality": "low",
            "version": "v2",
        },
    )
    heygen.call("POST", STREAMING_START, {"session_id": data["session_id"]})
    return jsonify(session_id=data["session_id"], url=data["url"], token=data["access_token"])


@bp.post("/sessions/<session_id>/ask")
def ask(session_id: str):
    question = request.get_json(force=True)["question"]
    current_app.extensions["heygen"].call(
        "POST", STREAMING_TASK, {"session_id": session_id, "text": question, "task_type": "chat"}
    )
    return "", 202


@bp.delete("/sessions/<session_id>")
def close(session_id: str):
    current_app.extensions["heygen"].call("POST", STREAMING_STOP, {"session_id": session_id})
    return "", 204
