import json

import requests

from .http import HEYGEN_BASE, headers_json


class HeygenApiError(RuntimeError):
    pass


def _url(endpoint):
    return "/".join((HEYGEN_BASE, endpoint))


def _check(body, what):
    if body.get("code") != 100:
        raise HeygenApiError(f"{what} failed: {body.get('message')}")
    return body


def create_and_start(avatar_id, language="en"):
    resp = requests.post(
        _url("streaming.new"),
        headers=headers_json(),
        json={
            "quality": "low",
            "avatar_id": avatar_id,
            "language": language,
            "version": "v2",
            "activity_idle_timeout": 300,
        },
        timeout=30,
    )
    data = _check(json.loads(resp.text), "streaming.new")["data"]
    resp = requests.post(_url("streaming.start"), headers=headers_json(), json={"session_id": data["session_id"]}, timeout=30)
    _check(json.loads(resp.text), "streaming.start")
    return data


def speak(session_id, text):
    resp = requests.post(
        _url("streaming.task"),
        headers=headers_json(),
        json={"session_id": session_id, "text": text, "task_type": "repeat"},
        timeout=30,
    )
    return _check(json.loads(resp.text), "streaming.task")["data"]


def stop(session_id):
    resp = requests.post(_url("streaming.stop"), headers=headers_json(), json={"session_id": session_id}, timeout=30)
    return json.loads(resp.text).get("message") == "success"
