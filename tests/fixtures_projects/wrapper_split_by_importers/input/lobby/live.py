from .utils import heygen_post


def open_session(avatar_id):
    data = heygen_post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data["session_id"], data["url"], data["access_token"]


def close_session(session_id):
    heygen_post("/v1/streaming.stop", {"session_id": session_id})
