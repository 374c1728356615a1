"""Keeps the HeyGen key on the server: the browser calls these routes instead of HeyGen."""

import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
HEYGEN = "https://api.heygen.com/v1"
H = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}


@app.route("/api/new", methods=["POST"])
def new_session():
    body = request.get_json(silent=True) or {}
    payload = {"avatar_id": body.get("avatar_id") or os.environ["AVATAR_ID"], "version": "v2", "quality": "medium"}
    resp = requests.post(f"{HEYGEN}/streaming.new", headers=H, json=payload, timeout=20)
    return jsonify(resp.json()), resp.status_code


@app.route("/api/start", methods=["POST"])
def start_session():
    sid = request.json["session_id"]
    resp = requests.post(f"{HEYGEN}/streaming.start", headers=H, json={"session_id": sid}, timeout=20)
    return jsonify(resp.json()), resp.status_code


@app.route("/api/task", methods=["POST"])
def task():
    body = request.json
    resp = requests.post(
        f"{HEYGEN}/streaming.task",
        headers=H,
        json={"session_id": body["session_id"], "text": body["text"], "task_type": "repeat"},
        timeout=20,
    )
    return jsonify(resp.json()), resp.status_code


@app.route("/api/stop", methods=["POST"])
def stop():
    resp = requests.post(f"{HEYGEN}/streaming.stop", headers=H, json={"session_id": request.json["session_id"]}, timeout=20)
    return jsonify(resp.json()), resp.status_code
