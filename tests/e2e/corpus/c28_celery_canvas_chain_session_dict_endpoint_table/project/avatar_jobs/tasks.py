import logging
import os

import requests

from .canvas import App

app = App()
log = logging.getLogger(__name__)

API = os.getenv("HEYGEN_URL", "https://api.heygen.com") + "/v1/"
ENDPOINTS = {
    "open": "streaming.new",
    "start": "streaming.start",
    "say": "streaming.task",
    "ping": "streaming.keep_alive",
    "close": "streaming.stop",
}


def _auth():
    return {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}


def _api(op, payload):
    resp = requests.request("POST", API + ENDPOINTS[op], json=payload, headers=_auth(), timeout=20)
    resp.raise_for_status()
    body = resp.json()
    if body.get("code") != 100:
        raise RuntimeError(f"{op} failed: {body}")
    return body.get("data")


@app.task
def open_session(avatar_id, quality="low"):
    data = _api("open", {"avatar_id": avatar_id, "quality": quality, "version": "v2"})
    _api("start", {"session_id": data["session_id"]})
    log.info("opened %s", data["session_id"])
    return data


@app.task
def greet(session, text):
    _api("say", {"session_id": session["session_id"], "text": text, "task_type": "repeat"})
    return session


@app.task
def ping(session):
    _api("ping", {"session_id": session["session_id"]})
    return session


@app.task
def close(session):
    _api("close", {"session_id": session["session_id"]})
    return session["session_id"]
