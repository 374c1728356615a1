import asyncio
import logging
import os

from flask import Flask, jsonify, request

from services import avatar_session

logging.basicConfig(level=logging.INFO)
app = Flask(__name__)

AVATAR = os.getenv("HEYGEN_AVATAR", "Kristin_public_2_20240108")


@app.post("/api/session/start")
def start_session():
    try:
        data = asyncio.run(avatar_session.create_and_start(AVATAR))
    except avatar_session.HeygenApiError as exc:
        return jsonify({"error": str(exc)}), 502
    return jsonify({"session_id": data["session_id"], "url": data["url"], "access_token": data["access_token"]})


@app.post("/speak")
def speak():
    payload = request.get_json(force=True)
    session_id = payload.get("session_id")
    text = (payload.get("text") or "").strip()
    if not session_id or not text:
        return jsonify({"error": "session_id and text are required"}), 400
    result = asyncio.run(avatar_session.speak(session_id, text))
    return jsonify({"ok": True, "task": result})


@app.post("/stop")
def stop():
    session_id = request.get_json(force=True).get("session_id")
    stopped = asyncio.run(avatar_session.stop(session_id))
    return jsonify({"stopped": stopped})
