"""HeyGen streaming calls: the base ends in the streaming prefix, the action completes it."""
import requests

HEYGEN = "https://api.heygen.com/v1/streaming"

_http = requests.Session()


def configure(api_key):
    _http.headers["X-Api-Key"] = api_key


def _post(action, payload):
    r = _http.post(f"{HEYGEN}.{action}", json=payload, timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def open_session(avatar_id):
    data = _post("new", {"avatar_id": avatar_id, "version": "v2"})
    _post("start", {"session_id": data["session_id"]})
    return data


def close(session_id):
    _post("stop", {"session_id": session_id})
