"""Kiosk backend: the page asks for a session, shows the room, and sends lines to say."""
import os

import requests
from flask import Flask, jsonify, make_response, request

app = Flask(__name__)

HEYGEN_BASE = "https://api.heygen.com/v1"


def _headers():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"}


@app.route("/api/session", methods=["POST"])
def create_session():
    payload = {"avatar_id": os.environ.get("AVATAR_ID"), "quality": "medium", "version": "v2"}
    r = requests.post(f"{HEYGEN_BASE}/streaming.new", headers=_headers(), json=payload, timeout=30)
    if r.status_code != 200:
        return jsonify(error=r.text), 502
    data = r.json()["data"]
    s = requests.post(f"{HEYGEN_BASE}/streaming.start", headers=_headers(),
                      json={"session_id": data["session_id"]}, timeout=30)
    if not s.ok:
        return jsonify(error=s.text), 502
    resp = make_response(jsonify(data))
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.route("/api/say", methods=["POST"])
def say():
    body = request.get_json()
    r = requests.post(f"{HEYGEN_BASE}/streaming.task", headers=_headers(),
                      json={"session_id": body["session_id"], "text": body["text"]}, timeout=30)
    return jsonify(ok=r.ok)


@app.route("/api/stop", methods=["POST"])
def stop():
    body = request.get_json()
    requests.post(f"{HEYGEN_BASE}/streaming.stop", headers=_headers(),
                  json={"session_id": body["session_id"]}, timeout=30)
    return jsonify(ok=True)
