from app.utils import heygen_post


def go_live(avatar_id):
    data = heygen_post("/v1/streaming.new", {"avatar_id": avatar_id})
    heygen_post("/v1/streaming.start", {"session_id": data["session_id"]})
    return data


def off(session_id):
    heygen_post("/v1/streaming.stop", {"session_id": session_id})
