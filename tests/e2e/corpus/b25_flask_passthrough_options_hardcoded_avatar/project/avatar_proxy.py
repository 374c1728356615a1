"""A thin proxy in front of HeyGen's streaming API: the page sends the session options it
wants, the server adds the key and our default avatar."""
import os

import requests
from flask import Flask, jsonify, request

HEYGEN = "https://api.heygen.com/v1"
DEFAULT_AVATAR = "Wayne_20240711"  # our brand avatar
HEADERS = {"X-Api-Key": os.environ.get("HEYGEN_API_KEY", "")}

app = Flask(__name__)


@app.post("/proxy/session")
def create_session():
    options = {"avatar_id": DEFAULT_AVATAR, "quality": "medium", "version": "v2"}
    options.update(request.get_json(silent=True) or {})
    r = requests.post(f"{HEYGEN}/streaming.new", json=options, headers=HEADERS, timeout=30)
    r.raise_for_status()
    data = r.json()["data"]
    requests.post(f"{HEYGEN}/streaming.start", json={"session_id": data["session_id"]}, headers=HEADERS, timeout=30).raise_for_status()
    return jsonify(session_id=data["session_id"], url=data["url"], token=data["access_token"])


@app.post("/proxy/session/<session_id>/say")
def say(session_id):
    text = request.get_json()["text"]
    requests.post(
        f"{HEYGEN}/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        headers=HEADERS,
        timeout=30,
    ).raise_for_status()
    return jsonify(ok=True)


@app.post("/proxy/session/<session_id>/close")
def close(session_id):
    requests.post(f"{HEYGEN}/streaming.stop", json={"session_id": session_id}, headers=HEADERS, timeout=30).raise_for_status()
    return jsonify(ok=True)
