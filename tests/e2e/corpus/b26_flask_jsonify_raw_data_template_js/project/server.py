import os

import requests
from dotenv import load_dotenv
from flask import Flask, jsonify, render_template, request

load_dotenv()

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
HEADERS = {"X-Api-Key": HEYGEN_API_KEY, "Content-Type": "application/json"}

app = Flask(__name__)


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/api/session", methods=["POST"])
def new_session():
    payload = {
        "avatar_id": os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
        "quality": "medium",
        "version": "v2",
        "video_encoding": "VP8",
    }
    r = requests.post("https://api.heygen.com/v1/streaming.new", json=payload, headers=HEADERS)
    print("streaming.new:", r.status_code)
    if r.status_code != 200:
        return jsonify({"error": r.text}), 500
    data = r.json()["data"]
    s = requests.post(
        "https://api.heygen.com/v1/streaming.start",
        json={"session_id": data["session_id"]},
        headers=HEADERS,
    )
    print("streaming.start:", s.status_code)
    return jsonify(data)


@app.route("/api/talk", methods=["POST"])
def talk():
    body = request.get_json()
    r = requests.post(
        "https://api.heygen.com/v1/streaming.task",
        json={
            "session_id": body["session_id"],
            "text": body["text"],
            "task_type": body.get("task_type", "repeat"),
        },
        headers=HEADERS,
    )
    return jsonify(r.json()), r.status_code


@app.route("/api/heartbeat", methods=["POST"])
def heartbeat():
    sid = request.get_json()["session_id"]
    r = requests.post("https://api.heygen.com/v1/streaming.keep_alive", json={"session_id": sid}, headers=HEADERS)
    return jsonify(ok=r.ok)


@app.route("/api/end", methods=["POST"])
def end():
    sid = request.get_json()["session_id"]
    requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": sid}, headers=HEADERS)
    return jsonify(ok=True)


if __name__ == "__main__":
    app.run(debug=True, port=5000)
