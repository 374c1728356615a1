import os

from flask import Flask, jsonify, request

from avatar.heygen import HeyGenError, close_session, open_session, say

app = Flask(__name__)


@app.post("/session")
def create():
    try:
        data = open_session(os.environ["AVATAR_ID"])
    except HeyGenError as exc:
        return jsonify({"error": str(exc)}), 502
    return jsonify({"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]})


@app.post("/say")
def speak():
    body = request.get_json()
    try:
        say(body["session_id"], body["text"])
    except HeyGenError as exc:
        return jsonify({"error": str(exc)}), 502
    return jsonify({"ok": True})


@app.post("/stop")
def stop():
    close_session(request.get_json()["session_id"])
    return jsonify({"ok": True})
