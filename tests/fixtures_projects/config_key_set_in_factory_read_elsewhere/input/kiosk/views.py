import requests
from flask import Blueprint, current_app, jsonify

from . import settings

bp = Blueprint("live", __name__)


def _headers():
    return {"X-Api-Key": current_app.config["HEYGEN_API_KEY"]}


@bp.post("/live")
def open_live():
    base = current_app.config["HEYGEN_API_BASE"]
    r = requests.post(f"{base}/streaming.new", json={"avatar_id": settings.LIVE["AVATAR_ID"]}, headers=_headers())
    data = r.json()["data"]
    requests.post(f"{base}/streaming.start", json={"session_id": data["session_id"]}, headers=_headers())
    return jsonify(session_id=data["session_id"], url=data["url"], token=data["access_token"])


@bp.delete("/live/<sid>")
def close_live(sid):
    base = current_app.config["HEYGEN_API_BASE"]
    key = settings.LIVE["HEYGEN_API_KEY"]
    requests.post(f"{base}/streaming.stop", json={"session_id": sid}, headers={"X-Api-Key": key})
    return jsonify(closed=sid)
