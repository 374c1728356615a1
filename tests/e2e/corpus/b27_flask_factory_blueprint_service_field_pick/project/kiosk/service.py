"""Everything that talks to HeyGen lives here; views only see plain dicts."""
import requests
from flask import current_app

# what the kiosk page needs to join the room
PUBLIC_FIELDS = ("session_id", "url", "access_token")


class AvatarServiceError(Exception):
    def __init__(self, step, message):
        super().__init__(f"{step}: {message}")
        self.step = step


def _cfg(name):
    return current_app.config[name]


def _post(step, path, token=None, **body):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    else:
        headers["X-Api-Key"] = _cfg("HEYGEN_API_KEY")
    r = requests.post(_cfg("HEYGEN_BASE_URL") + path, json=body, headers=headers, timeout=_cfg("HTTP_TIMEOUT"))
    payload = r.json() if r.content else {}
    if r.status_code >= 400 or payload.get("code", 100) != 100:
        raise AvatarServiceError(step, payload.get("message") or r.reason)
    return payload.get("data") or {}


def session_token():
    return _post("token", "/v1/streaming.create_token")["token"]


def open_session():
    token = session_token()
    data = _post(
        "new",
        "/v1/streaming.new",
        token,
        avatar_id=_cfg("AVATAR_ID"),
        language=_cfg("AVATAR_LANGUAGE"),
        quality="low",
        version="v2",
    )
    _post("start", "/v1/streaming.start", token, session_id=data["session_id"])
    info = {k: data[k] for k in PUBLIC_FIELDS}
    info["token"] = token
    return info


def say(token, session_id, text):
    _post("task", "/v1/streaming.task", token, session_id=session_id, text=text, task_type="repeat")


def keep_alive(token, session_id):
    _post("keep_alive", "/v1/streaming.keep_alive", token, session_id=session_id)


def close(token, session_id):
    _post("stop", "/v1/streaming.stop", token, session_id=session_id)
