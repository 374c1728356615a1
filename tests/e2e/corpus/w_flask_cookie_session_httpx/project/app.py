"""Avatar demo backend: each browser keeps its HeyGen session in Flask's signed cookie.

No database: the session data lives in `flask.session`, so any worker can serve the
next request of the same browser.
"""
import os
from functools import wraps

import httpx
from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ.get("FLASK_SECRET_KEY", "dev-only-secret")

HEYGEN_API = "https://api.heygen.com/v1/streaming"
HEYGEN_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR = os.environ.get("HEYGEN_AVATAR", "Judy_Teacher_Sitting2_public")


def heygen(action, **body):
    r = httpx.post(f"{HEYGEN_API}.{action}", json=body, headers={"x-api-key": HEYGEN_KEY}, timeout=20.0)
    r.raise_for_status()
    payload = r.json()
    if payload.get("code", 100) != 100:
        raise RuntimeError(payload.get("message"))
    return payload.get("data")


def needs_avatar(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "avatar" not in session:
            return jsonify(error="no avatar session, POST /api/avatar first"), 409
        return view(*args, **kwargs)

    return wrapper


@app.post("/api/avatar")
def create_avatar():
    data = heygen("new", avatar_id=AVATAR, quality="medium", version="v2", language="en")
    heygen("start", session_id=data["session_id"])
    session["avatar"] = data
    return jsonify(session_id=data["session_id"]), 201


@app.get("/api/avatar/room")
@needs_avatar
def room():
    # the page's LiveKit client connects with these
    return jsonify(url=session["avatar"]["url"], token=session["avatar"]["access_token"])


@app.post("/api/avatar/say")
@needs_avatar
def say():
    text = (request.get_json(silent=True) or {}).get("text", "")
    heygen("task", session_id=session["avatar"]["session_id"], text=text, task_type="repeat")
    return jsonify(ok=True)


@app.post("/api/avatar/ping")
@needs_avatar
def ping():
    heygen("keep_alive", session_id=session["avatar"]["session_id"])
    return jsonify(ok=True)


@app.post("/api/avatar/interrupt")
@needs_avatar
def interrupt():
    heygen("interrupt", session_id=session["avatar"]["session_id"])
    return jsonify(ok=True)


@app.delete("/api/avatar")
@needs_avatar
def close_avatar():
    avatar = session.pop("avatar")
    heygen("stop", session_id=avatar["session_id"])
    return "", 204
