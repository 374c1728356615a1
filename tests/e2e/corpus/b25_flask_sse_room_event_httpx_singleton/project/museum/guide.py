"""The museum guide: the page subscribes to /guide/events (server-sent events) and gets the
LiveKit room as soon as the avatar is up, then the exhibit narration starts."""
import json
import os
import threading

from flask import Blueprint, Response, abort, request, stream_with_context

from .services import heygen

bp = Blueprint("guide", __name__, url_prefix="/guide")

EXHIBITS = {
    "dinosaurs": ["This is a Tyrannosaurus rex.", "It lived about 68 million years ago."],
    "space": ["This capsule flew in 1969."],
}
_sessions: dict[str, str] = {}  # visitor -> HeyGen session id
_lock = threading.Lock()


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


@bp.get("/events")
def events():
    visitor = request.args["visitor"]
    exhibit = request.args.get("exhibit", "dinosaurs")
    if exhibit not in EXHIBITS:
        abort(404)

    @stream_with_context
    def generate():
        info = heygen.new_session(os.environ["GUIDE_AVATAR"], os.environ.get("GUIDE_KB"))
        heygen.start_session(info["session_id"])
        with _lock:
            _sessions[visitor] = info["session_id"]
        yield _sse("room", {"url": info["url"], "token": info["access_token"]})
        for line in EXHIBITS[exhibit]:
            heygen.narrate(info["session_id"], line)
            yield _sse("narrated", {"text": line})
        yield _sse("ready", {"ask": f"/guide/{visitor}/ask"})

    return Response(generate(), mimetype="text/event-stream", headers={"Cache-Control": "no-cache"})


@bp.post("/<visitor>/ask")
def ask(visitor):
    with _lock:
        session_id = _sessions.get(visitor)
    if session_id is None:
        abort(404)
    heygen.talk(session_id, request.get_json()["question"])
    return {"ok": True}


@bp.post("/<visitor>/leave")
def leave(visitor):
    with _lock:
        session_id = _sessions.pop(visitor, None)
    if session_id:
        heygen.stop_session(session_id)
    return {"ok": True}
