import os

import requests
from flask import Flask, request

import pages

app = Flask(__name__)
API = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}
AVATAR_ID = os.environ.get("AVATAR_ID", "Anna_public_3_20240108")


@app.get("/")
def index():
    r = requests.post(f"{API}/streaming.new", json={"avatar_id": AVATAR_ID, "version": "v2"}, headers=HEADERS)
    r.raise_for_status()
    session = r.json()["data"]
    requests.post(f"{API}/streaming.start", json={"session_id": session["session_id"]}, headers=HEADERS)
    return pages.viewer_page(session, title="Lobby avatar")


@app.post("/say/<session_id>")
def say(session_id):
    requests.post(
        f"{API}/streaming.task",
        json={"session_id": session_id, "text": request.form["text"], "task_type": "repeat"},
        headers=HEADERS,
    )
    return "", 204


@app.post("/bye/<session_id>")
def bye(session_id):
    requests.post(f"{API}/streaming.stop", json={"session_id": session_id}, headers=HEADERS)
    return "", 204
