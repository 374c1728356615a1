import os

import requests

API = "https://api.heygen.com/v1"


def _call(op, **body):
    r = requests.post(f"{API}/streaming.{op}", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, json=body)
    r.raise_for_status()
    return r.json()


def open_session(avatar_id):
    data = _call("new", avatar_id=avatar_id, version="v2")["data"]
    _call("start", session_id=data["session_id"])
    return data


def user_turn(session_id, listen=True):
    _call("start_listening" if listen else "stop_listening", session_id=session_id)


def close(session_id):
    _call("stop", session_id=session_id)
