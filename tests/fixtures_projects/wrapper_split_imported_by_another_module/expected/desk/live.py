"""The live desk: keeps the session that api.open_session opened alive, then closes it."""
from .api import open_session, _liveavatar_post
from . import liveavatar_bridge


def go_live(avatar_id):
    data = open_session(avatar_id)
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]


def ping(session_id):
    _liveavatar_post("/v1/sessions/keep-alive", {"session_id": session_id})


def close(session_id):
    # HeyGen's stop; the desk shows its idle screen afterwards
    _liveavatar_post(
        "/v1/sessions/stop", {"session_id": session_id, "reason": "USER_CLOSED"}
    )
    liveavatar_bridge.release(session_id)
