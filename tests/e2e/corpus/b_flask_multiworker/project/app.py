"""Restaurant greeter avatar. Run with: gunicorn -c gunicorn.conf.py app:app"""
import os

import requests
from flask import Flask, abort, jsonify, request

STREAMING_NEW_URL = "https://api.heygen.com/v1/streaming.new"
STREAMING_START_URL = "https://api.heygen.com/v1/streaming.start"
STREAMING_TASK_URL = "https://api.heygen.com/v1/streaming.task"
STREAMING_INTERRUPT_URL = "https://api.heygen.com/v1/streaming.interrupt"
STREAMING_STOP_URL = "https://api.heygen.com/v1/streaming.stop"

app = Flask(__name__)


def heygen_headers():
    key = os.environ.get("HEYGEN_API_KEY")
    if not key:
        abort(500, "HEYGEN_API_KEY not configured")
    return {"X-API-Key": key, "Content-Type": "application/json"}


@app.route("/api/sessions", methods=["POST"])
def create_session():
    r = requests.post(
        STREAMING_NEW_URL,
        json={
            "avatar_id": os.environ.get("AVATAR_ID", "Anna_public_3_20240108"),
            "quality": "medium",
            "version": "v2",
        },
        headers=heygen_headers(),
        timeout=30,
    )
    r.raise_for_status()
    info = r.json()["data"]
    requests.post(
        STREAMING_START_URL,
        json={"session_id": info["session_id"]},
        headers=heygen_headers(),
        timeout=30,
    ).raise_for_status()
    # Nothing kept in memory: any worker can drive the session by its id.
    return jsonify(session_id=info["session_id"], url=info["url"], access_token=info["access_token"])


@app.route("/api/sessions/<session_id>/say", methods=["POST"])
def say(session_id):
    text = request.get_json(silent=True, force=True).get("text", "")
    r = requests.post(
        STREAMING_TASK_URL,
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=heygen_headers(),
        timeout=30,
    )
    return jsonify(ok=r.ok, worker=os.getpid())


@app.route("/api/sessions/<session_id>/interrupt", methods=["POST"])
def interrupt(session_id):
    r = requests.post(
        STREAMING_INTERRUPT_URL, json={"session_id": session_id}, headers=heygen_headers(), timeout=30
    )
    return jsonify(ok=r.ok)


@app.route("/api/sessions/<session_id>/close", methods=["POST"])
def close(session_id):
    r = requests.post(
        STREAMING_STOP_URL, json={"session_id": session_id}, headers=heygen_headers(), timeout=30
    )
    return jsonify(ok=r.ok)
