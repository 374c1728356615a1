"""HeyGen streaming calls used by app.py (module-level requests.Session, key set once)."""
import requests

HEYGEN = "https://api.heygen.com/v1/streaming"

_http = requests.Session()


class AvatarError(RuntimeError):
    pass


def configure(api_key):
    _http.headers["X-Api-Key"] = api_key


def _post(action, payload):
    r = _http.post(f"{HEYGEN}.{action}", json=payload, timeout=30)
    if not r.ok:
        raise AvatarError(f"{action}: HTTP {r.status_code}")
    j = r.json()
    if j.get("code") != 100:
        raise AvatarError(f"{action}: {j.get('message')}")
    return j.get("data")


def open_session(avatar_id, quality="medium", language="en"):
    data = _post(
        "new",
        {
            "avatar_id": avatar_id,
            "quality": quality,
            "version": "v2",
            "stt_settings": {"provider": "deepgram", "confidence": 0.55},
            "language": language,
        },
    )
    _post("start", {"session_id": data["session_id"]})
    return data


def say(session_id, text):
    return _post("task", {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "async"})


def interrupt(session_id):
    _post("interrupt", {"session_id": session_id})


def close(session_id):
    _post("stop", {"session_id": session_id})
