"""Opens the avatar for a ticket and speaks the answer; the view catches `ApiError`."""
from desk.http import post


def open_avatar(avatar_id):
    info = post("/v1/streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    post("/v1/streaming.start", {"session_id": info["session_id"]})
    return info


def answer(session_id, text):
    post("/v1/streaming.task", {"session_id": session_id, "text": text, "task_type": "repeat"})
