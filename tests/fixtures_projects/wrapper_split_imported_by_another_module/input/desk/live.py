"""The live desk: keeps the session that api.open_session opened alive, then closes it."""
from .api import _post, open_session


def go_live(avatar_id):
    data = open_session(avatar_id)
    return data["session_id"], data["url"], data["access_token"]


def ping(session_id):
    _post("/v1/streaming.keep_alive", {"session_id": session_id})


def close(session_id):
    # HeyGen's stop; the desk shows its idle screen afterwards
    _post("/v1/streaming.stop", {"session_id": session_id})
