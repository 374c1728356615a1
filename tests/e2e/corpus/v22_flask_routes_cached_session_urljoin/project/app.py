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
        data = avatar_session.create_and_start(AVATAR)
    except avatar_session.HeygenApiError as exc:
        return jsonify({"error": str(exc)}), 502
    return jsonify({k: data[k] for k in ("session_id", "url", "access_token")})


@app.post("/speak")
def speak():
    payload = request.get_json(force=True)
    session_id = payload.get("session_id")
    text = (payload.get("text") or "").strip()
    if not session_id or not text:
        return jsonify({"error": "session_id and text are required"}), 400
    result = avatar_session.speak(session_id, text)
    return jsonify({"ok": True, "task": result})


@app.post("/stop")
def stop():
    session_id = request.get_json(force=True).get("session_id")
    stopped = avatar_session.stop(session_id)
    if not stopped:
        app.logger.warning("HeyGen did not confirm stop for %s", session_id)
    return jsonify({"stopped": stopped})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.getenv("PORT", "8000")))
