from .heygen import heygen


def open_session(avatar_id):
    data = heygen.post("/v1/streaming.new", {"avatar_id": avatar_id})
    heygen.post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data["session_id"], data["url"], data["access_token"]


def close(session_id):
    heygen.post("/v1/streaming.stop", {"session_id": session_id})
