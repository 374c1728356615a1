import os

from flask import Flask, jsonify, request

from .envfile import load_env
from .heygen import Avatar, HeyGenError, HeyGenSession

load_env()

app = Flask(__name__)
http = HeyGenSession()
AVATARS = {}


@app.errorhandler(HeyGenError)
def heygen_failed(exc):
    return jsonify(error=str(exc)), 502


@app.post("/avatars")
def create_avatar():
    avatar = Avatar(http, os.environ.get("HEYGEN_AVATAR", "Anna_public_3_20240108")).open()
    AVATARS[avatar.session_id] = avatar
    return jsonify(id=avatar.session_id, livekit=avatar.livekit)


@app.post("/avatars/<sid>/say")
def say(sid):
    AVATARS[sid].say(request.json["text"])
    return jsonify(ok=True)


@app.delete("/avatars/<sid>")
def close(sid):
    AVATARS.pop(sid).close()
    return jsonify(ok=True)
