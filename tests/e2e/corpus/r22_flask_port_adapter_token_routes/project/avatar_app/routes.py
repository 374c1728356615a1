from dataclasses import asdict

from flask import Blueprint, jsonify, request
from requests import HTTPError

from .container import container

api = Blueprint("api", __name__)


@api.errorhandler(HTTPError)
def upstream_failed(err: HTTPError):
    return jsonify(error=str(err)), 502


@api.post("/token")
def token():
    return jsonify(token=container.heygen.create_token())


@api.post("/stream")
def open_stream():
    body = request.get_json(force=True)
    info = container.heygen.open_stream(body["token"])
    return jsonify(asdict(info))


@api.post("/speak")
def speak():
    body = request.get_json(force=True)
    container.heygen.send_text(body["token"], body["session_id"], body["text"],
                               task_type=body.get("task_type", "repeat"))
    return jsonify(ok=True)


@api.post("/interrupt")
def interrupt():
    body = request.get_json(force=True)
    container.heygen.interrupt(body["token"], body["session_id"])
    return jsonify(ok=True)


@api.post("/stop")
def stop():
    body = request.get_json(force=True)
    container.heygen.close_stream(body["token"], body["session_id"])
    return jsonify(ok=True)
