"""Lobby greeter: a tablet app opens a room, the avatar greets visitors, staff can cut in."""
import os

from bottle import Bottle, HTTPError, abort, request, response

from .heygen import HeyGenError
from .plugin import HeyGenPlugin

app = Bottle()
app.config.update(
    "heygen",
    api_key=os.environ["HEYGEN_API_KEY"],
    api_root=os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com/v1"),
    avatar=os.environ.get("GREETER_AVATAR", "Wayne_20240711"),
)
app.install(HeyGenPlugin())

ROOMS = {}  # session_id -> what streaming.new returned


def _room(sid):
    room = ROOMS.get(sid)
    if room is None:
        abort(404, "no such room")
    return room


@app.post("/rooms")
def open_room(heygen):
    try:
        info = heygen.call(
            "streaming.new",
            avatar_id=app.config["heygen.avatar"],
            quality="medium",
            version="v2",
            video_encoding="H264",
        )
        heygen.call("streaming.start", session_id=info["session_id"])
    except HeyGenError as err:
        raise HTTPError(502, str(err))
    ROOMS[info["session_id"]] = info
    response.status = 201
    return {"id": info["session_id"], "server": info["url"], "token": info["access_token"]}


@app.post("/rooms/<sid>/say")
def say(sid, heygen):
    room = _room(sid)
    text = (request.json or {}).get("text", "").strip()
    if not text:
        abort(400, "text is required")
    heygen.call("streaming.task", session_id=room["session_id"], text=text, task_type="repeat")
    return {"queued": True}


@app.post("/rooms/<sid>/hush")
def hush(sid, heygen):
    heygen.call("streaming.interrupt", session_id=_room(sid)["session_id"])
    return {"ok": True}


@app.post("/rooms/<sid>/ping")
def ping(sid, heygen):
    heygen.call("streaming.keep_alive", session_id=_room(sid)["session_id"])
    return {"ok": True}


@app.delete("/rooms/<sid>")
def close_room(sid, heygen):
    room = ROOMS.pop(sid, None)
    if room is None:
        abort(404, "no such room")
    heygen.call("streaming.stop", session_id=room["session_id"])
    return {"closed": sid}


@app.get("/health")
def health():
    return {"rooms": len(ROOMS)}
