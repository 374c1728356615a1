"""Kiosk web app: the index page embeds the avatar's LiveKit room, the buttons post back."""
import os

import requests
from flask import Flask, abort, jsonify, render_template, request

app = Flask(__name__)
app.config.update(
    HEYGEN_API_KEY=os.environ.get("HEYGEN_API_KEY", ""),
    HEYGEN_AVATAR_ID=os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108"),
)

API = "https://api.heygen.com/v1"


def heygen(endpoint, **payload):
    resp = requests.post(
        f"{API}/{endpoint}",
        json=payload,
        headers={"X-Api-Key": app.config["HEYGEN_API_KEY"]},
        timeout=30,
    )
    if resp.status_code != 200:
        abort(502, f"{endpoint} failed: {resp.text[:100]}")
    return resp.json()["data"]


@app.get("/")
def index():
    room = heygen("streaming.new", avatar_id=app.config["HEYGEN_AVATAR_ID"], quality="medium", version="v2")
    heygen("streaming.start", session_id=room["session_id"])
    return render_template("room.html", room=room, title="Lobby kiosk")


@app.post("/say")
def say():
    body = request.get_json(force=True)
    heygen("streaming.task", session_id=body["session_id"], text=body["text"], task_type="repeat")
    return jsonify(ok=True)


@app.post("/stop")
def stop():
    heygen("streaming.stop", session_id=request.get_json(force=True)["session_id"])
    return jsonify(ok=True)
