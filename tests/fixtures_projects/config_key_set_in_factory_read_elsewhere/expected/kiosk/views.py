import requests
from flask import Blueprint, current_app, jsonify

from . import settings
from . import liveavatar_bridge

bp = Blueprint("live", __name__)


def _headers():
    return {"X-API-KEY": current_app.config["HEYGEN_API_KEY"]}


@bp.post("/live")
def open_live():
    base = current_app.config["HEYGEN_API_BASE"]
    # TODO(heygen2liveavatar): H2L101 `avatar_id` (from `settings.LIVE["AVATAR_ID"]`): the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    r = requests.post(
        f"{base}/sessions/token",
        json={
            "mode": "FULL",
            "avatar_id": settings.LIVE["AVATAR_ID"],
            "video_settings": {"encoding": "VP8"},
            "avatar_persona": {},
        },
        headers=_headers(),
    )
    data = liveavatar_bridge.start_session(r.json(), r.url)["data"]
    return jsonify(session_id=data["session_id"], url=data["livekit_url"], token=data["livekit_client_token"])


@bp.delete("/live/<sid>")
def close_live(sid):
    base = current_app.config["HEYGEN_API_BASE"]
    key = settings.LIVE["HEYGEN_API_KEY"]
    requests.post(
        f"{base}/sessions/stop", json={"session_id": sid, "reason": "USER_CLOSED"}, headers={"X-API-KEY": key}
    )
    liveavatar_bridge.release(sid)
    return jsonify(closed=sid)
