import os

import requests
import liveavatar_bridge

API = "https://api.liveavatar.com/v1"


def _call(op, **body):
    r = requests.post(f"{API}/streaming.{op}", headers={"X-API-KEY": os.environ["LIVEAVATAR_API_KEY"]}, json=body)
    r.raise_for_status()
    return r.json()


def open_session(avatar_id):
    # TODO(heygen2liveavatar): H2L102 `_call(...)` still builds HeyGen's `streaming.` path (other calls of it cannot move): send this token call to `/v1/sessions/token`
    data = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            _call(
                "token",
                mode="FULL",
                avatar_id=avatar_id,
                video_settings={"encoding": "VP8"},
                avatar_persona={},
            )
        )
    )["data"]
    return data


def user_turn(session_id, listen=True):
    # TODO(heygen2liveavatar): H2L102 `_call(...)` builds the URL of an endpoint its caller chooses at run time and LiveAvatar has no such path (tasks are `liveavatar_bridge.emit` events, new/start became the token call): migrate this call by hand
    _call("start_listening" if listen else "stop_listening", session_id=session_id)


def close(session_id):
    # TODO(heygen2liveavatar): H2L102 `_call(...)` still builds HeyGen's `streaming.stop` (other calls of it cannot move): send this one to `/v1/sessions/stop`
    _call("stop", session_id=session_id)
