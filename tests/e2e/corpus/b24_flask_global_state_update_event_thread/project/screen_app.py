"""One avatar for the whole office TV: a tiny Flask app with global state.

POST /api/on       start the avatar (idempotent)
GET  /api/viewer   what the TV page needs to connect
POST /api/say      {"text": "..."}
POST /api/off      stop it
"""
import logging
import os
import threading
import time

import requests
from flask import Flask, abort, jsonify, request

log = logging.getLogger(__name__)

HEYGEN_URL = os.environ.get("HEYGEN_URL", "https://api.heygen.com")
HEYGEN_KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR = os.environ.get("TV_AVATAR", "Wayne_20240711")
PING_EVERY = float(os.environ.get("TV_PING_EVERY", "120"))

app = Flask(__name__)
_lock = threading.Lock()
STATE = {"session": None, "opened_at": None, "said": 0}
_stop_pinging = threading.Event()


def heygen(path, payload):
    resp = requests.post(
        HEYGEN_URL + path,
        json=payload,
        headers={"x-api-key": HEYGEN_KEY, "accept": "application/json"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json().get("data")


def _pinger(session_id):
    while not _stop_pinging.wait(PING_EVERY):
        try:
            heygen("/v1/streaming.keep_alive", {"session_id": session_id})
        except requests.RequestException:
            log.exception("keep_alive failed")


@app.post("/api/on")
def turn_on():
    with _lock:
        if STATE["session"] is None:
            data = heygen("/v1/streaming.new", {"avatar_id": AVATAR, "quality": "medium",
                                                "version": "v2"})
            heygen("/v1/streaming.start", {"session_id": data["session_id"]})
            STATE.update(session=data, opened_at=time.time(), said=0)
            _stop_pinging.clear()
            threading.Thread(target=_pinger, args=(data["session_id"],), daemon=True).start()
        return jsonify(session_id=STATE["session"]["session_id"])


@app.get("/api/viewer")
def viewer():
    session = STATE["session"]
    if session is None:
        abort(404)
    return jsonify(url=session["url"], token=session["access_token"],
                   uptime=round(time.time() - STATE["opened_at"]))


@app.post("/api/say")
def say():
    session = STATE["session"]
    if session is None:
        abort(409)
    text = (request.get_json(silent=True) or {}).get("text")
    if not text:
        abort(400)
    heygen("/v1/streaming.task", {"session_id": session["session_id"], "text": text,
                                  "task_type": "repeat"})
    STATE["said"] += 1
    return jsonify(said=STATE["said"])


@app.post("/api/off")
def turn_off():
    with _lock:
        session = STATE["session"]
        if session is not None:
            _stop_pinging.set()
            heygen("/v1/streaming.stop", {"session_id": session["session_id"]})
            STATE.update(session=None, opened_at=None)
    return jsonify(off=True)
