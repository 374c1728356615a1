"""HeyGen streaming calls: the base ends in the streaming prefix, the action completes it."""
import requests
import liveavatar_bridge

HEYGEN = "https://api.liveavatar.com/v1/sessions"

_http = requests.Session()


def configure(api_key):
    _http.headers["X-API-KEY"] = api_key


def _post(action, payload):
    r = _http.post(f"{HEYGEN}/{action}", json=payload, timeout=30)
    r.raise_for_status()
    return r.json()["data"]


def open_session(avatar_id):
    data = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            _post(
                "token",
                {
                    "mode": "FULL",
                    "avatar_id": avatar_id,
                    "video_settings": {"encoding": "VP8"},
                    "avatar_persona": {},
                },
            )
        )
    )
    return data


def close(session_id):
    _post("stop", {"session_id": session_id, "reason": "USER_CLOSED"})
    liveavatar_bridge.release(session_id)
