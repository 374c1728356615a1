from urllib.parse import urljoin

from .http import HEYGEN_BASE, http_session


class HeygenApiError(RuntimeError):
    pass


def _post(path, payload):
    resp = http_session().post(urljoin(HEYGEN_BASE, path), json=payload, timeout=30)
    if resp.status_code >= 400:
        raise HeygenApiError(f"{path} failed: {resp.status_code} {resp.text}")
    return resp.json()


def create_and_start(avatar_id, language="en"):
    body = _post(
        "streaming.new",
        {
            "quality": "low",
            "avatar_id": avatar_id,
            "language": language,
            "version": "v2",
            "activity_idle_timeout": 300,
        },
    )
    data = body.get("data", {})
    _post("streaming.start", {"session_id": data["session_id"]})
    return data


def speak(session_id, text):
    return _post("streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"}).get("data")


def stop(session_id):
    return _post("streaming.stop", {"session_id": session_id}).get("message") == "success"
