"""HeyGen streaming calls, stdlib only (the kiosk image has no pip)."""
import json
import urllib.error
import urllib.request

from .config import API_BASE, API_KEY


class ApiError(Exception):
    pass


def _post(endpoint, payload):
    req = urllib.request.Request(
        f"{API_BASE}/{endpoint}",
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "x-api-key": API_KEY},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=15) as resp:
            body = json.load(resp)
    except urllib.error.HTTPError as e:
        raise ApiError(f"{endpoint}: HTTP {e.code} {e.read()[:200]!r}") from e
    return body["data"]


def new_session(avatar_id, knowledge_base_id=None):
    payload = {"avatar_id": avatar_id, "quality": "high", "version": "v2", "video_encoding": "H264"}
    if knowledge_base_id:
        payload["knowledge_base_id"] = knowledge_base_id
    return _post("streaming.new", payload)


def start_session(session_id):
    return _post("streaming.start", {"session_id": session_id})


def send_task(session_id, text, task_type="talk"):
    return _post("streaming.task", {"session_id": session_id, "text": text, "task_type": task_type})


def keep_alive(session_id):
    return _post("streaming.keep_alive", {"session_id": session_id})


def stop_session(session_id):
    return _post("streaming.stop", {"session_id": session_id})
