from __future__ import annotations

import os

from flask import Flask, abort, jsonify, request

from .loop import LoopThread
from .streams import HeyGenStreams, KioskSession

app = Flask(__name__)
runner = LoopThread()
streams = HeyGenStreams()
SESSIONS: dict[str, KioskSession] = {}


@app.post("/kiosk/<kiosk_id>/open")
def open_kiosk(kiosk_id: str):
    session = runner.run(streams.open(os.environ.get("KIOSK_AVATAR", "Anna_public_3_20240108")))
    SESSIONS[kiosk_id] = session
    return jsonify(url=session["url"], access_token=session["access_token"])


@app.post("/kiosk/<kiosk_id>/say")
def say(kiosk_id: str):
    session = SESSIONS.get(kiosk_id) or abort(404)
    body = request.get_json(force=True)
    runner.run(streams.say(session["session_id"], body["text"], body.get("task_type", "repeat")))
    return jsonify(ok=True)


@app.post("/kiosk/<kiosk_id>/stop")
def stop(kiosk_id: str):
    session = SESSIONS.pop(kiosk_id, None) or abort(404)
    runner.run(streams.stop(session["session_id"]))
    return jsonify(ok=True)


def shutdown() -> None:
    runner.run(streams.aclose())
    runner.close()
