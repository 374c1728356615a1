"""Flask backend for the avatar kiosk.

The browser never sees the HeyGen API key: it asks this server for a streaming
token (for the JS SDK) or lets the server open the session and gets back the
LiveKit URL + access token to join the room.
"""

import requests
from flask import Flask, jsonify, request

from .config import (
    AVATAR_ID, HEYGEN_API_KEY, HEYGEN_BASE_URL, IDLE_TIMEOUT, KNOWLEDGE_BASE_ID,
    QUALITY, REQUEST_TIMEOUT, VOICE_EMOTION, VOICE_ID, VOICE_RATE,
)

app = Flask(__name__)

HEADERS = {"x-api-key": HEYGEN_API_KEY, "Content-Type": "application/json"}


def _post(url, payload=None):
    resp = requests.post(url, headers=HEADERS, json=payload or {}, timeout=REQUEST_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


@app.post("/api/token")
def create_token():
    # One token per session; the frontend passes it to new StreamingAvatar({ token }).
    data = _post(f"{HEYGEN_BASE_URL}/streaming.create_token")
    return jsonify({"token": data["data"]["token"]})


@app.post("/api/session")
def start_session():
    payload = {
        "quality": QUALITY,
        "avatar_id": AVATAR_ID,  # older code sent "avatar_name"
        "voice": {"voice_id": VOICE_ID, "rate": VOICE_RATE, "emotion": VOICE_EMOTION},
        "knowledge_base_id": KNOWLEDGE_BASE_ID,
        "version": "v2",
        "video_encoding": "H264",
        "activity_idle_timeout": IDLE_TIMEOUT,
    }
    data = _post(f"{HEYGEN_BASE_URL}/streaming.new", payload)["data"]
    session_id = data["session_id"]

    # v2 sessions only need the id to start; the client then joins the LiveKit room.
    _post(f"{HEYGEN_BASE_URL}/streaming.start", {"session_id": session_id})
    return jsonify({
        "url": data["url"],
        "access_token": data["access_token"],
        "session_id": session_id,
    })


@app.post("/api/speak")
def speak():
    body = request.get_json(force=True)
    result = _post(f"{HEYGEN_BASE_URL}/streaming.task", {
        "session_id": body["session_id"],
        "text": body["text"],
        "task_type": body.get("task_type", "repeat"),  # "repeat" or "chat"
        "task_mode": "sync",
    })
    return jsonify({"task_id": result["data"]["task_id"]})


@app.post("/api/interrupt")
def interrupt():
    # Stops the current utterance; the session stays open.
    session_id = request.get_json(force=True)["session_id"]
    _post(f"{HEYGEN_BASE_URL}/streaming.interrupt", {"session_id": session_id})
    return jsonify({"ok": True})


@app.post("/api/stop")
def stop():
    session_id = request.get_json(force=True)["session_id"]
    # TODO: also clean up the transcript cache for this session
    _post(f"{HEYGEN_BASE_URL}/streaming.stop", {"session_id": session_id})
    return jsonify({"ok": True})


if __name__ == "__main__":
    app.run(port=5000, debug=True)
