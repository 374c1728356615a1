import secrets

import requests
from flask import Blueprint, jsonify, request

from .config import HEYGEN_API_KEY, HEYGEN_BASE_URL, STUDIO_AVATAR

live = Blueprint("live", __name__)
ROOMS = {}


def _post(path, body):
    r = requests.post(HEYGEN_BASE_URL + path, json=body, headers={"x-api-key": HEYGEN_API_KEY}, timeout=30)
    r.raise_for_status()
    return r.json()["data"]


@live.post("/start")
def start():
    data = requests.post(
        HEYGEN_BASE_URL + "/v1/streaming.new",
        json={"avatar_id": STUDIO_AVATAR, "version": "v2"},
        headers={"x-api-key": HEYGEN_API_KEY},
        timeout=30,
    ).json()["data"]
    requests.post(
        HEYGEN_BASE_URL + "/v1/streaming.start",
        json={"session_id": data["session_id"]},
        headers={"x-api-key": HEYGEN_API_KEY},
        timeout=30,
    ).raise_for_status()
    room = secrets.token_hex(4)
    ROOMS[room] = data["session_id"]
    return jsonify(room=room, url=data["url"], token=data["access_token"])


@live.post("/<room>/say")
def say(room):
    requests.post(
        HEYGEN_BASE_URL + "/v1/streaming.task",
        json={"session_id": ROOMS[room], "text": request.json["text"]},
        headers={"x-api-key": HEYGEN_API_KEY},
        timeout=30,
    ).raise_for_status()
    return jsonify(ok=True)


@live.post("/<room>/stop")
def stop(room):
    requests.post(
        HEYGEN_BASE_URL + "/v1/streaming.stop",
        json={"session_id": ROOMS.pop(room)},
        headers={"x-api-key": HEYGEN_API_KEY},
        timeout=30,
    ).raise_for_status()
    return jsonify(ok=True)
