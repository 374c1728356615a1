"""Tiny Flask + HTMX demo: click "Start" and the avatar shows up on the page.

    flask --app app run --debug
"""
import os

import requests
from flask import Flask, abort, render_template, request

app = Flask(__name__)

API = "https://api.heygen.com/v1"
HEADERS = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")

# session_id -> what streaming.new returned (single-process dev server)
SESSIONS = {}


@app.get("/")
def index():
    return render_template("index.html", avatar_id=AVATAR_ID)


@app.post("/avatar/start")
def start():
    r = requests.post(
        f"{API}/streaming.new",
        json={"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2"},
        headers=HEADERS,
    )
    r.raise_for_status()
    info = r.json()["data"]
    requests.post(f"{API}/streaming.start", json={"session_id": info["session_id"]}, headers=HEADERS).raise_for_status()
    SESSIONS[info["session_id"]] = info
    # HTMX swaps this partial into #stage; its script connects to the LiveKit room
    return render_template("_room.html", info=info)


@app.get("/avatar/<session_id>")
def room(session_id):
    # page reloaded: HTMX asks for the room partial again (hx-trigger="load")
    info = SESSIONS.get(session_id)
    if info is None:
        abort(404)
    return render_template("_room.html", info=info)


@app.post("/avatar/<session_id>/say")
def say(session_id):
    if session_id not in SESSIONS:
        abort(404)
    text = request.form.get("text", "").strip()
    if text:
        requests.post(
            f"{API}/streaming.task",
            json={"session_id": session_id, "text": text, "task_type": "repeat"},
            headers=HEADERS,
        ).raise_for_status()
    return render_template("_said.html", text=text)


@app.post("/avatar/<session_id>/stop")
def stop(session_id):
    if SESSIONS.pop(session_id, None) is None:
        abort(404)
    requests.post(f"{API}/streaming.stop", json={"session_id": session_id}, headers=HEADERS).raise_for_status()
    return "<p>Session closed.</p>"
