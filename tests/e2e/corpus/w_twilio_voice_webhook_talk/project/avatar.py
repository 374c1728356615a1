"""HeyGen interactive avatar used as the 'face' of the phone line on the lobby screen."""
import logging
import os

import requests

log = logging.getLogger("avatar")

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com")

_http = requests.Session()
_http.headers.update({"X-Api-Key": os.environ.get("HEYGEN_API_KEY", ""), "Content-Type": "application/json"})


def _call(endpoint, payload):
    r = _http.post(f"{BASE_URL}/v1/{endpoint}", json=payload, timeout=20)
    if r.status_code != 200:
        log.error("%s -> %s: %s", endpoint, r.status_code, r.text)
        r.raise_for_status()
    return r.json().get("data")


def open_session(avatar_id, knowledge_base_id):
    data = _call(
        "streaming.new",
        {
            "avatar_id": avatar_id,
            "knowledge_base_id": knowledge_base_id,
            "quality": "low",
            "version": "v2",
            "disable_idle_timeout": True,
        },
    )
    _call("streaming.start", {"session_id": data["session_id"]})
    return data


def answer(session_id, caller_said):
    # the knowledge base drives the answer; the caller hears it on speaker in the lobby
    return _call("streaming.task", {"session_id": session_id, "text": caller_said, "task_type": "talk"})


def greet(session_id, text):
    return _call("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})


def close(session_id):
    _call("streaming.stop", {"session_id": session_id})
