import os

import requests
from flask import Blueprint, abort, jsonify, request

bp = Blueprint("avatar", __name__, url_prefix="/api/avatar")

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY")
HEYGEN_BASE = "https://api.heygen.com/v1"
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")
KB_ID = os.environ.get("HEYGEN_KB_ID")


def _auth(token):
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


@bp.post("/token")
def token():
    r = requests.post(f"{HEYGEN_BASE}/streaming.create_token", headers=_auth(HEYGEN_API_KEY), timeout=10)
    if r.status_code != 200:
        abort(502)
    return jsonify(token=r.json()["data"]["token"])


@bp.post("/session")
def session():
    tok = request.json["token"]
    payload = {"avatar_id": AVATAR_ID, "version": "v2", "quality": "high"}
    if KB_ID:
        payload["knowledge_base_id"] = KB_ID
    r = requests.post(f"{HEYGEN_BASE}/streaming.new", headers=_auth(tok), json=payload, timeout=30)
    if r.status_code != 200:
        abort(502)
    info = r.json()["data"]
    r = requests.post(f"{HEYGEN_BASE}/streaming.start", headers=_auth(tok), json={"session_id": info["session_id"]}, timeout=30)
    if r.status_code != 200:
        abort(502)
    return jsonify(session_id=info["session_id"], url=info["url"], access_token=info["access_token"])


@bp.post("/task")
def task():
    body = request.get_json()
    r = requests.post(
        f"{HEYGEN_BASE}/streaming.task",
        headers=_auth(body["token"]),
        json={
            "session_id": body["session_id"],
            "text": body["text"],
            "task_type": body.get("task_type", "repeat"),
        },
        timeout=30,
    )
    if r.status_code != 200:
        abort(502)
    return jsonify(r.json()["data"])


@bp.post("/stop")
def stop():
    body = request.get_json()
    r = requests.post(f"{HEYGEN_BASE}/streaming.stop", headers=_auth(body["token"]), json={"session_id": body["session_id"]}, timeout=10)
    if r.status_code != 200:
        abort(502)
    return jsonify(stopped=True)
